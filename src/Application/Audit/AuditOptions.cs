using Microsoft.Extensions.Configuration;
using Navixy.Panel.Application.Common.Configuration;

namespace Navixy.Panel.Application.Audit;

/// <summary><c>Audit:RetentionDays</c>: how long the security log keeps an event before housekeeping removes it.</summary>
public sealed record AuditOptions(TimeSpan Retention)
{
    public const int DefaultRetentionDays = 400;

    /// <summary>Reads the section; a value out of range stops the start with a message naming the setting.</summary>
    public static AuditOptions Read(IConfiguration configuration) =>
        new(TimeSpan.FromDays(Setting.WholeNumber(configuration, "Audit:RetentionDays", DefaultRetentionDays, 1, 36_500, "days")));
}
