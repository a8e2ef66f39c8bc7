using System.Security.Cryptography;
using Navixy.Panel.Application.Common.Exceptions;
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

    public static ServerSecret Load(string? configured, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var key = new byte[configured.Length];
            if (!Convert.TryFromBase64String(configured.Trim(), key, out var length) || length < 32)
            {
                throw new InvalidSettingException("Security:CodeSecret must be base64 of at least 32 bytes (e.g. from `openssl rand -base64 32`).");
            }

            return new ServerSecret(key[..length]);
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
