using Navixy.Panel.Application.Audit.Models;

namespace Navixy.Panel.Api.Controllers.Replies;

/// <summary>Reply of <c>panel/audit/list</c> (an extension).</summary>
/// <param name="List">The page of events, newest first.</param>
/// <param name="Count">How many events match, before paging.</param>
public sealed record AuditListReply(IReadOnlyList<AuditEventDto> List, int Count) : INavixyReply;
