using System.Security.Cryptography;
using System.Text;
using Navixy.Panel.Application.Common.Interfaces;

namespace Navixy.Panel.Application.Common.Security;

/// <summary>
/// Imported passwords between the upload's reply and their hash: sealed with the server key in the users' own
/// transaction, hashed by <see cref="PendingPasswordHashingService"/> in the bulk lane, or by the user's first sign-in
/// in the interactive lane, whichever comes first (docs/decisions.md, "Imported passwords").
/// </summary>
public sealed class PendingPasswords(IPasswordSeal seal, IPasswordHasher hasher, PasswordHashing passwordHashing)
{
    public byte[] Seal(string password) => seal.Seal(password);

    /// <summary>
    /// A sign-in: the hash of <paramref name="password"/> when it is the sealed one, else null. Either way one hash's
    /// work is spent, so a pending user's sign-in takes as long as anyone's.
    /// </summary>
    public Task<string?> SignInAsync(byte[] sealedPassword, string password, CancellationToken cancellationToken) =>
        passwordHashing.RunInteractive(() =>
        {
            if (seal.Open(sealedPassword) is { } expected && SameInConstantTime(expected, password))
            {
                return hasher.Hash(password);
            }

            hasher.VerifyDummy(password);
            return null;
        }, cancellationToken);

    /// <summary>The background hashing of one pending password; null when this server's key cannot open it.</summary>
    public Task<string?> HashAsync(byte[] sealedPassword, CancellationToken cancellationToken) =>
        passwordHashing.RunBulk(() => seal.Open(sealedPassword) is { } password ? hasher.Hash(password) : null, cancellationToken);

    // Digests first: FixedTimeEquals is constant-time only for inputs of one length.
    private static bool SameInConstantTime(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(given)));
}
