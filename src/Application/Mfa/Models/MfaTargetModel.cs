using Navixy.Panel.Domain.Mfa;

namespace Navixy.Panel.Application.Mfa.Models;

/// <summary>Target of an update as sent: <c>{"type": "all"}</c> or <c>{"type": "selected", "ids": [...]}</c>.</summary>
/// <param name="Type"><c>all</c> or <c>selected</c>.</param>
/// <param name="Ids">With <c>selected</c>: 1 to 100 positive user ids; absent with <c>all</c>.</param>
public sealed record MfaTargetModel(string? Type, IReadOnlyList<long>? Ids)
{
    public const string All = "all";
    public const string Selected = "selected";

    /// <summary>The domain value; call only after <see cref="MfaTargetModelValidator"/> accepted the model.</summary>
    public MfaTarget ToDomain() => Type == Selected ? MfaTarget.Selected(Ids!) : MfaTarget.All;
}
