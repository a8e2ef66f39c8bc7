namespace Navixy.Panel.Application.Common.Interfaces;

/// <summary>Reversible encryption of a password with the server key, for the short time until it is hashed.</summary>
public interface IPasswordSeal
{
    byte[] Seal(string password);

    /// <summary>The sealed password, or null when it was not sealed with this server's key.</summary>
    string? Open(byte[] sealedPassword);
}
