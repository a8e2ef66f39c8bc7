using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Navixy.Panel.Application.Common.Interfaces;

namespace Navixy.Panel.Infrastructure.Security;

/// <summary>Session hashes (128 random bits, SHA-256 at rest) and one-time codes (6 digits, HMAC-SHA256 at rest).</summary>
internal sealed class SecretTokens(ServerSecret secret) : ISecretTokens
{
    public IssuedToken NewSessionToken()
    {
        var hash = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        return new IssuedToken(hash, DigestOfSessionHash(hash));
    }

    public byte[] DigestOfSessionHash(string hash) => SHA256.HashData(Encoding.ASCII.GetBytes(hash));

    public string NewOneTimeCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public byte[] DigestOfOneTimeCode(string code, long sessionId)
    {
        // The session id is part of the MAC input, so a code's digest is only valid for its own session.
        Span<byte> input = stackalloc byte[8 + Encoding.ASCII.GetMaxByteCount(code.Length)];
        BinaryPrimitives.WriteInt64BigEndian(input, sessionId);
        var length = 8 + Encoding.ASCII.GetBytes(code, input[8..]);
        return HMACSHA256.HashData(secret.Key, input[..length]);
    }

    public bool DigestsEqual(byte[] left, byte[] right) => CryptographicOperations.FixedTimeEquals(left, right);
}
