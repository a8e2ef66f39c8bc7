namespace Navixy.Panel.Application.Panel.Commands.BootstrapPlatform;

/// <summary>
/// Section <c>Bootstrap</c>: <c>AdminPassword</c>, the password of the first start's <c>admin</c> (generated when unset).
/// Checked only by that first start (<see cref="BootstrapPlatformCommandHandler"/>): later starts never read it, so a
/// value left in the environment of an older deployment stops nothing.
/// </summary>
public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";

    // As the panel account commands require; the value itself stays out of the sentence.
    public const string Unusable = "Bootstrap:AdminPassword must be 8 to 64 characters, not only spaces, or unset for a generated one (the value is not repeated here).";

    public string? AdminPassword { get; set; }

    public static bool IsUsable(string password) => password.Length is >= 8 and <= 64 && !string.IsNullOrWhiteSpace(password);
}
