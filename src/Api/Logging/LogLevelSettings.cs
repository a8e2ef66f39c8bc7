using Navixy.Panel.Application.Common.Configuration;

namespace Navixy.Panel.Api.Logging;

/// <summary>
/// The levels of the <c>Logging</c> section, read before the host is built: the framework reads them while building
/// its first logger and stops a bad one with an unhandled exception and a stack trace, naming only the value.
/// </summary>
public static class LogLevelSettings
{
    /// <summary>
    /// Throws an <see cref="Application.Common.Exceptions.InvalidSettingException"/> naming the first level that is not a
    /// <see cref="LogLevel"/> name, in the places the framework reads them: <c>Logging:LogLevel:*</c> and
    /// <c>Logging:&lt;provider&gt;:LogLevel:*</c>.
    /// </summary>
    public static void Check(IConfiguration configuration)
    {
        foreach (var section in configuration.GetSection("Logging").GetChildren())
        {
            var levels = section.Key.Equals("LogLevel", StringComparison.OrdinalIgnoreCase) ? section : section.GetSection("LogLevel");
            foreach (var level in levels.GetChildren())
            {
                _ = Setting.Choice(configuration, level.Path, LogLevel.Information);
            }
        }
    }
}
