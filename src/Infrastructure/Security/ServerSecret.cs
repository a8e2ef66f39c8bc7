using System.Security.Cryptography;
using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Infrastructure.Storage;

namespace Navixy.Panel.Infrastructure.Security;

/// <summary>
/// The key one-time codes are MACed with and pending passwords are sealed with: <c>Security:CodeSecret</c> (base64,
/// at least 32 bytes) when configured, else a random key generated once and kept in the data folder. Several API
/// instances must share it; losing it makes issued codes and sealed pending passwords unusable.
/// </summary>
public sealed class ServerSecret
{
    public const string FileName = "code-secret.key";
    public const int MinLength = 32;
    private static readonly TimeSpan WriterGrace = TimeSpan.FromSeconds(3);

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
            return new ServerSecret(Read(path));
        }

        OwnerOnly.CreateDirectory(dataDirectory);
        var generated = RandomNumberGenerator.GetBytes(MinLength);
        try
        {
            // CreateNew: when two instances start together, the first writer wins and the others read its key. Shared
            // for reading: with an exclusive lock, a reader that opened the new file before the writer locked it made
            // the writer give up, and the file stayed empty for good. A reader that comes too early reads again.
            using var stream = OwnerOnly.CreateNewFile(path, FileShare.Read);
            using var writer = new StreamWriter(stream);
            writer.Write(Convert.ToBase64String(generated));
        }
        catch (IOException) when (File.Exists(path))
        {
            return new ServerSecret(Read(path));
        }

        return new ServerSecret(generated);
    }

    /// <summary>
    /// The key in the file; an instance that starts while another is writing the file may find it still empty or
    /// short or locked, so an unusable key is read again for a few seconds before the start is refused.
    /// </summary>
    private static byte[] Read(string path)
    {
        var deadline = DateTime.UtcNow + WriterGrace;
        while (true)
        {
            if (TryRead(path) is { } key)
            {
                return key;
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new InvalidSettingException(
                    $"The code key file {path} must hold a base64 key of at least {MinLength} bytes; restore it from a backup (or from another instance), or delete it to generate a new one, which makes codes already sent and pending passwords unusable.");
            }

            Thread.Sleep(50);
        }
    }

    private static byte[]? TryRead(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path).Trim();
        }
        catch (IOException) when (File.Exists(path))
        {
            return null; // still open for writing by the instance that creates it
        }

        var key = new byte[text.Length];
        return Convert.TryFromBase64String(text, key, out var length) && length >= MinLength ? key[..length] : null;
    }
}
