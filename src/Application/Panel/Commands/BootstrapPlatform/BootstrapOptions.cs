using Navixy.Panel.Application.Common.Configuration;

namespace Navixy.Panel.Application.Panel.Commands.BootstrapPlatform;

/// <summary>Section <c>Bootstrap</c>: <c>AdminPassword</c>, the password of the first start's <c>admin</c> (generated when unset).</summary>
public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";

    public string? AdminPassword { get; set; }

    public sealed class Validator : SettingsValidator<BootstrapOptions>
    {
        // As the panel account commands require; the value itself stays out of the sentence.
        protected override IEnumerable<string?> Checks(BootstrapOptions options) =>
        [
            string.IsNullOrEmpty(options.AdminPassword) || (options.AdminPassword.Length is >= 8 and <= 64 && !string.IsNullOrWhiteSpace(options.AdminPassword))
                ? null
                : "Bootstrap:AdminPassword must be 8 to 64 characters, not only spaces, or unset for a generated one (the value is not repeated here).",
        ];
    }
}
