using System.Text.Json.Serialization;
using Navixy.Panel.Application.Common;

namespace Navixy.Panel.Api.Controllers.Replies;

/// <summary>
/// Reply of <c>panel/user/mfa/settings/update</c> and <c>default/update</c>: <c>{"success": true}</c>, and with
/// <c>dry_run</c> (an extension) how many master users the change matches, how many it would change and how many of
/// them are demo users. The extension fields are left out of a real change's reply, so Navixy clients see theirs.
/// One schema with optional fields rather than a <c>oneOf</c>: generated clients cannot tell two undiscriminated
/// object replies apart.
/// </summary>
public sealed record MfaUpdateReply(
    [property: NavixyExtension, JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? DryRun,
    [property: NavixyExtension, JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Matched,
    [property: NavixyExtension, JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Changed,
    [property: NavixyExtension, JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Demo) : INavixyReply
{
    public static MfaUpdateReply Done { get; } = new(null, null, null, null);
}
