using System.Text.RegularExpressions;

namespace Navixy.Panel.Application.Users.Models;

/// <summary>
/// A login is the address the second-factor codes go to, so it must be one every mail transport can deliver to
/// unchanged: a bare RFC 5321 mailbox of ASCII dot-atom local part (at most 64 characters) and host name (labels
/// of letters, digits and inner hyphens, at least two), 254 characters in all. No display name, comment, route,
/// quoted local part, address literal or non-ASCII character (SMTPUTF8 is not assumed of the relay): those are
/// refused with 7 rather than accepted and then never reached. See docs/decisions.md.
/// </summary>
public static partial class DeliverableEmail
{
    public const int MaxLength = 254;
    private const int MaxLocalPartLength = 64;

    public static bool IsDeliverable(string? address)
    {
        if (address is null || address.Length > MaxLength)
        {
            return false;
        }

        var at = address.LastIndexOf('@');
        return at is > 0 and <= MaxLocalPartLength && Mailbox().IsMatch(address);
    }

    [GeneratedRegex(
        @"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+\z",
        RegexOptions.CultureInvariant)]
    private static partial Regex Mailbox();
}
