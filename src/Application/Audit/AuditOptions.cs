using Navixy.Panel.Application.Common.Configuration;

namespace Navixy.Panel.Application.Audit;

/// <summary>Section <c>Audit</c>: <c>RetentionDays</c>, how long the security log keeps an event before housekeeping removes it.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";
    public const int DefaultRetentionDays = 400;

    public int RetentionDays { get; set; } = DefaultRetentionDays;

    public TimeSpan Retention => TimeSpan.FromDays(RetentionDays);

    public sealed class Validator : SettingsValidator<AuditOptions>
    {
        protected override IEnumerable<string?> Checks(AuditOptions options) =>
            [Setting.WholeNumber("Audit:RetentionDays", options.RetentionDays, 1, 36_500, "days")];
    }
}
