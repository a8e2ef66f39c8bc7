using System.Security.Cryptography;
using Navixy.Panel.Infrastructure.Storage;

namespace Navixy.Panel.Infrastructure.Security;

/// <summary>
/// The key one-time codes are MACed with: <c>Security:CodeSecret</c> (base64, at least 32 bytes) when configured,
/// else a random key generated once and kept in the data folder. Several API instances must share it.
/// </summary>
public sealed class ServerSecret
{
    public const string FileName = "code-secret.key";

    private ServerSecret(byte[] key)
    {
        Key = key;
    }

    public byte[] Key { get; }

    /// <summary><paramref name="configured"/>: the key of <c>Security:CodeSecret</c>, checked at start; null when none is set.</summary>
    public static ServerSecret Load(byte[]? configured, string dataDirectory)
    {
        if (configured is not null)
        {
            return new ServerSecret(configured);
        }

        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path))
        {
            return new ServerSecret(Convert.FromBase64String(File.ReadAllText(path).Trim()));
        }

        OwnerOnly.CreateDirectory(dataDirectory);
        var generated = RandomNumberGenerator.GetBytes(32);
        try
        {
            // CreateNew: when two instances start together, the first writer wins and the other reads its key.
            using var stream = OwnerOnly.CreateNewFile(path);
            using var writer = new StreamWriter(stream);
            writer.Write(Convert.ToBase64String(generated));
        }
        catch (IOException) when (File.Exists(path))
        {
            return new ServerSecret(Convert.FromBase64String(File.ReadAllText(path).Trim()));
        }

        return new ServerSecret(generated);
    }
}
