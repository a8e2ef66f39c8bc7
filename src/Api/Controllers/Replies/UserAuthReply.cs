using System.Text.Json.Serialization;

namespace Navixy.Panel.Api.Controllers.Replies;

/// <summary>Reply of <c>user/auth</c>.</summary>
/// <param name="Type"><c>authenticated</c> or <c>second_factor_required</c>.</param>
/// <param name="FactorType"><c>email</c> when a second factor is required; left out otherwise.</param>
/// <param name="Hash">A full session hash, or with <c>second_factor_required</c> one good only for <c>user/auth/code/*</c>.</param>
public sealed record UserAuthReply(
    string Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? FactorType,
    string Hash) : INavixyReply;
