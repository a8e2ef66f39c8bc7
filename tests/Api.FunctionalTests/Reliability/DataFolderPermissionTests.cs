using System.Runtime.Versioning;
using Navixy.Panel.Api.FunctionalTests.Support;
using Navixy.Panel.TestSupport;

namespace Navixy.Panel.Api.FunctionalTests.Reliability;

/// <summary>
/// The data folder the service creates (database and its WAL on SQLite, the code key, the mail pickup folder) is
/// owner-only, 0700 for folders and 0600 for files, whatever the umask: other local users can read none of it.
/// </summary>
[TestFixtureSource(typeof(TestProviders), nameof(TestProviders.All))]
[Platform(Exclude = "Win")]
[UnsupportedOSPlatform("windows")]
public sealed class DataFolderPermissionTests(string provider) : FunctionalTest(provider)
{
    private const UnixFileMode OwnerFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private string _data = null!;

    protected override PanelApiFactory CreateFactory(string provider)
    {
        var factory = new PanelApiFactory(provider);
        // A folder that does not exist yet, below a parent that does not either.
        _data = Path.Combine(factory.DataDirectory, "fresh", "data");
        factory.Settings["Storage:DataDirectory"] = _data;
        return factory;
    }

    [Test]
    public async Task DataFolderAndEverythingInIt_AreOwnerOnly()
    {
        var (_, panel) = await NewDealer();
        var guarded = await NewUser(panel, ownMfa: new { type = "allowed", factor_types = new[] { "email" } });
        (await Call("user/auth", new { login = guarded.Login, password = "User-Passw0rd" })).ShouldSucceed();

        var mail = Path.Combine(_data, "mail");
        var files = new List<string> { Path.Combine(_data, "code-secret.key") };
        if (Factory.Provider == "Sqlite")
        {
            files.AddRange(["panel.db", "panel.db-wal", "panel.db-shm"]);
        }

        Assert.Multiple(() =>
        {
            foreach (var folder in new[] { _data, mail })
            {
                Assert.That(File.GetUnixFileMode(folder), Is.EqualTo(OwnerFolder), folder);
            }

            foreach (var file in files.Select(f => Path.Combine(_data, f)))
            {
                Assert.That(File.GetUnixFileMode(file), Is.EqualTo(OwnerFile), file);
            }

            Assert.That(Directory.GetFiles(mail), Is.Not.Empty, "a code mail was written");
        });
    }
}
