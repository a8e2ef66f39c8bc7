namespace Navixy.Panel.Application.Common.Interfaces;

/// <summary>Session hashes and one-time codes: generation from a CSPRNG, digests, constant-time comparison.</summary>
public interface ISecretTokens
{
    /// <summary>A new 128-bit session hash as 32 lowercase hex characters, with its SHA-256 digest.</summary>
    IssuedToken NewSessionToken();

    /// <summary>The SHA-256 digest a presented session hash is looked up by.</summary>
    byte[] DigestOfSessionHash(string hash);

    /// <summary>A uniformly random 6-digit one-time code.</summary>
    string NewOneTimeCode();

    /// <summary>HMAC-SHA256 of a code with the server secret, bound to one session.</summary>
    byte[] DigestOfOneTimeCode(string code, long sessionId);

    bool DigestsEqual(byte[] left, byte[] right);
}
