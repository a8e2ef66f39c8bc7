using System.Security.Cryptography;
using System.Text;
using Navixy.Panel.Application.Common.Interfaces;

namespace Navixy.Panel.Infrastructure.Security;

/// <summary>
/// AES-256-GCM under a key derived (HKDF) from the server secret for this use alone, a random nonce per password,
/// the password padded to a fixed length so the stored value does not tell its length.
/// </summary>
internal sealed class PasswordSeal(ServerSecret secret) : IPasswordSeal
{
    private const int NonceLength = 12;
    private const int TagLength = 16;

    /// <summary>UTF-8 bytes of the longest password (64 characters) with room to spare.</summary>
    private const int PaddedLength = 256;

    public const int SealedLength = NonceLength + PaddedLength + TagLength;

    private static readonly byte[] Purpose = "Navixy.Panel pending password v1"u8.ToArray();

    private readonly byte[] _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret.Key, 32, info: Purpose);

    public byte[] Seal(string password)
    {
        var plain = new byte[PaddedLength];
        var length = Encoding.UTF8.GetBytes(password, plain);
        var result = new byte[SealedLength];
        var nonce = result.AsSpan(0, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagLength);
        aes.Encrypt(nonce, plain, result.AsSpan(NonceLength, PaddedLength), result.AsSpan(NonceLength + PaddedLength), Purpose);
        CryptographicOperations.ZeroMemory(plain.AsSpan(0, length));
        return result;
    }

    public string? Open(byte[] sealedPassword)
    {
        if (sealedPassword.Length != SealedLength)
        {
            return null;
        }

        var plain = new byte[PaddedLength];
        try
        {
            using var aes = new AesGcm(_key, TagLength);
            aes.Decrypt(
                sealedPassword.AsSpan(0, NonceLength),
                sealedPassword.AsSpan(NonceLength, PaddedLength),
                sealedPassword.AsSpan(NonceLength + PaddedLength),
                plain,
                Purpose);
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }

        // Passwords hold no control characters, so the zero padding is unambiguous.
        var end = Array.IndexOf(plain, (byte)0);
        var password = Encoding.UTF8.GetString(plain, 0, end < 0 ? PaddedLength : end);
        CryptographicOperations.ZeroMemory(plain);
        return password;
    }
}
