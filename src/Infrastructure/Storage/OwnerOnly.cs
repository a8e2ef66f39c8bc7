namespace Navixy.Panel.Infrastructure.Storage;

/// <summary>
/// Folders and files of the data folder are created for the service's own user only (0700 and 0600 on Unix),
/// whatever the process's umask: they hold the database, the code key and mails with codes. Existing ones are
/// left as the operator set them. On Windows the folder inherits its parent's ACL.
/// </summary>
public static class OwnerOnly
{
    private const UnixFileMode OwnerReadWriteExecute = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder owner-only (missing parents get the default mode); an existing folder is kept as it is.</summary>
    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, OwnerReadWriteExecute);
        }
    }

    /// <summary>Creates a new file, owner-only from its first byte; <see cref="IOException"/> when it already exists.</summary>
    public static FileStream CreateNewFile(string path, FileShare share = FileShare.None)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = share };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerReadWrite;
        }

        return new FileStream(path, options);
    }

    /// <summary>Creates an empty owner-only file unless the file (or its folder) is missing; another writer may win the race.</summary>
    public static void CreateFileIfMissing(string path)
    {
        try
        {
            using var created = CreateNewFile(path);
        }
        catch (IOException) when (File.Exists(path) || !Directory.Exists(Path.GetDirectoryName(path)))
        {
            // Already there (kept as it is), or no folder to create it in: its opener reports that.
        }
    }
}
