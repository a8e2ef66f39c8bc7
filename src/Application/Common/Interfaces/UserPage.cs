using Navixy.Panel.Domain.Users;

namespace Navixy.Panel.Application.Common.Interfaces;

/// <summary>A page of master users and the total before paging.</summary>
public sealed record UserPage(IReadOnlyList<User> Users, int Count);
