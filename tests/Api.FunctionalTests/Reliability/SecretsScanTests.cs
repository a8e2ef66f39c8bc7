using System.Text;
using System.Text.RegularExpressions;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Navixy.Panel.Api.FunctionalTests.Support;
using Navixy.Panel.Application.Panel.Commands.CreatePanelAccount;

namespace Navixy.Panel.Api.FunctionalTests.Reliability;

/// <summary>
/// Runs every flow that handles a secret (panel and user logins, wrong guesses, user creation and upload, codes,
/// resends, sub-users, logouts; in every transport, hashes in the header and in the query string) with logging at
/// Trace, then scans the database (its files on disk and every row) and the captured log for each secret used.
/// </summary>
// Not on every provider: the scan reads the database's files on disk, which it knows how to find for these two.
[TestFixture("Sqlite")]
[TestFixture("Postgres")]
public sealed class SecretsScanTests(string provider) : FunctionalTest(provider)
{
    private readonly List<string> _secrets = [];
    private readonly List<string> _codes = [];
    private DateTime _startedAt;

    protected override PanelApiFactory CreateFactory(string provider)
    {
        _startedAt = DateTime.UtcNow.AddSeconds(-5);
        // Without the background hashing the uploaded passwords stay sealed, so the scan covers their stored form.
        return new PanelApiFactory(provider) { MinimumLogLevel = LogLevel.Trace, BackgroundPasswordHashing = false };
    }

    private string Secret(string prefix)
    {
        var secret = $"{prefix}-{Guid.NewGuid():N}"[..32];
        _secrets.Add(secret);
        return secret;
    }

    private string Keep(string hash)
    {
        _secrets.Add(hash);
        return hash;
    }

    private string NewCodeFor(string login)
    {
        var code = Mailbox.CodesFor(Factory.MailDirectory, login).Except(_codes).Single();
        _codes.Add(code);
        return code;
    }

    [OneTimeSetUp]
    public async Task RunEveryFlowThatHandlesASecret()
    {
        _secrets.Add(PanelApiFactory.AdminPassword);
        Keep(AdminHash);
        var accountLogin = Unique("scan");
        var accountPassword = Secret("Acct");
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CreatePanelAccountCommand(1, accountLogin, accountPassword, "users:read,users:update,users:create"));
        }

        var panel = Keep((await Call("panel/account/auth", new { login = accountLogin, password = accountPassword }, transport: Transport.Form)).ShouldSucceed().Hash);
        (await Call("panel/account/auth", new { login = accountLogin, password = Secret("WrongPanel") }, transport: Transport.Query)).ShouldFail(12);

        var guarded = Unique("guarded") + "@example.com";
        var guardedPassword = Secret("Guard");
        var guardedId = (await Call("panel/user/create", new
        {
            user = new { login = guarded, first_name = "G", last_name = "S", legal_type = "individual", dealer_mfa_settings = new { type = "allowed", factor_types = new[] { "email" } } },
            password = guardedPassword,
            locale = "en_US",
            time_zone = "UTC",
        }, panel)).ShouldSucceed()["id"].GetInt64();
        var plain = Unique("plain") + "@example.com";
        var plainPassword = Secret("Plain");
        (await Call("panel/user/create", new { user = new { login = plain, first_name = "P", last_name = "S", legal_type = "individual" }, password = plainPassword, locale = "en_US", time_zone = "UTC" }, panel, Transport.Query)).ShouldSucceed();
        (await Upload($"login;first_name;last_name;legal_type;password\n{Unique("up")}@example.com;U;P;individual;{Secret("Upload")}\n{Unique("up")}@example.com;U;Q;individual;{Secret("Upload")}\n", panel)).ShouldSucceed();
        (await Call("panel/user/list", new { hash = panel }, transport: Transport.Query)).ShouldSucceed();

        var full = Keep((await Call("user/auth", new { login = plain, password = plainPassword }, transport: Transport.Query)).ShouldSucceed().Hash);
        (await Call("user/auth", new { login = plain, password = Secret("WrongUser") })).ShouldFail(102);
        (await Call("user/get_info", new { hash = full }, transport: Transport.Query)).ShouldSucceed();

        var secondFactor = Keep((await Call("user/auth", new { login = guarded, password = guardedPassword }, transport: Transport.Form)).ShouldSucceed().Hash);
        _ = NewCodeFor(guarded);
        (await Call("user/auth/code/verify", new { code = "000000" == _codes[^1] ? "000001" : "000000" }, secondFactor)).ShouldFail(282);
        Factory.Clock.Advance(TimeSpan.FromSeconds(61));
        (await Call("user/auth/code/resend", new { hash = secondFactor }, transport: Transport.Query)).ShouldSucceed();
        var guardedFull = Keep((await Call("user/auth/code/verify", new { code = NewCodeFor(guarded), hash = secondFactor }, transport: Transport.Form)).ShouldSucceed().Hash);

        var sub = Unique("sub") + "@example.com";
        var subPassword = Secret("Sub");
        (await Call("subuser/register", new { user = new { login = sub, first_name = "S", last_name = "U" }, password = subPassword }, guardedFull)).ShouldSucceed();
        var subSecondFactor = Keep((await Call("user/auth", new { login = sub, password = subPassword })).ShouldSucceed().Hash);
        Keep((await Call("user/auth/code/verify", new { code = NewCodeFor(sub) }, subSecondFactor, Transport.Query)).ShouldSucceed().Hash);

        // A notice batch through the outbox, delivered before the scan, so its rows are scanned too.
        (await Call("panel/user/mfa/settings/update", new { target = new { type = "selected", ids = new[] { guardedId } }, settings = new { type = "disallowed" } }, panel)).ShouldSucceed();
        var delivery = System.Diagnostics.Stopwatch.StartNew();
        while (await DatabaseSnapshot.ScalarAsync(Factory, "SELECT COUNT(*) FROM notification_batches WHERE completed_at IS NULL") > 0)
        {
            Assert.That(delivery.Elapsed, Is.LessThan(TimeSpan.FromSeconds(60)), "the notice batch was not delivered");
            await Task.Delay(100);
        }

        (await Call("user/logout", null, full)).ShouldSucceed();
        (await Call("panel/account/logout", new { hash = panel }, transport: Transport.Form)).ShouldSucceed();
    }

    [Test]
    public void TheRunUsedSecretsOfEveryKind()
    {
        Assert.That(_secrets, Has.Count.GreaterThanOrEqualTo(14));
        Assert.That(_codes, Has.Count.EqualTo(3));
        Assert.That(Factory.Log.Entries, Has.Count.GreaterThan(100), "logging at Trace captured the run");
    }

    [Test]
    public async Task TheRunWroteAndDeliveredANoticeBatch_SoTheScanCoversTheOutbox()
    {
        Assert.That(await DatabaseSnapshot.ScalarAsync(Factory, "SELECT COUNT(*) FROM notification_batches WHERE completed_at IS NOT NULL AND delivered = 2"), Is.EqualTo(1), "the master and its sub-user");
        Assert.That(await DatabaseSnapshot.ScalarAsync(Factory, "SELECT COUNT(*) FROM users WHERE mfa_off_notice_batch_id IS NOT NULL"), Is.EqualTo(1));
    }

    [Test]
    public void CapturedLog_HoldsNoSecret()
    {
        var leaks = Factory.Log.Entries.Where(Leaks).Select(e => e.Length > 300 ? e[..300] : e).ToArray();

        Assert.That(leaks, Is.Empty, $"{leaks.Length} log entries hold a secret");
    }

    [Test]
    public async Task DatabaseRows_HoldNoSecret()
    {
        var dump = await DatabaseSnapshot.DumpAsync(Factory);
        // The security log is among the rows scanned, and the run filled it: sign-ins, a wrong one, creates, the
        // upload, code steps and the sub-user.
        var audit = dump.Split("# audit_events\n")[1].Split("# ")[0].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(audit, Has.Length.GreaterThanOrEqualTo(12), "the run wrote its events");
        Assert.That(audit, Has.Some.Contains("action=panel.auth.failed").And.Some.Contains("action=user.auth.code_wrong").And.Some.Contains("action=user.upload"));
        Assert.Multiple(() =>
        {
            foreach (var secret in _secrets)
            {
                Assert.That(dump, Does.Not.Contain(secret));
            }

            foreach (var code in _codes)
            {
                Assert.That(HoldsCode(dump, code), Is.False, $"code {code} in a row");
            }
        });
    }

    [Test]
    public async Task DatabaseRows_HoldUploadedPasswordsOnlySealed()
    {
        Assert.That(await DatabaseSnapshot.ScalarAsync(Factory, "SELECT COUNT(*) FROM users WHERE pending_password IS NOT NULL"), Is.EqualTo(2), "the upload's passwords are still pending");
        var dump = await DatabaseSnapshot.DumpAsync(Factory);
        Assert.Multiple(() =>
        {
            foreach (var secret in _secrets)
            {
                var bytes = Encoding.UTF8.GetBytes(secret);
                Assert.That(dump, Does.Not.Contain(Convert.ToHexString(bytes)).IgnoreCase, $"{secret[..6]}... in hex");
                // Whole groups of three bytes only, so the text matches wherever the secret starts on a group.
                Assert.That(dump, Does.Not.Contain(Convert.ToBase64String(bytes, 0, bytes.Length / 3 * 3)), $"{secret[..6]}... in base64");
            }
        });
    }

    [Test]
    public async Task DatabaseFiles_HoldNoSecret()
    {
        var files = await DatabaseFiles();
        Assert.That(files, Is.Not.Empty);
        var scanned = 0L;
        Assert.Multiple(() =>
        {
            foreach (var file in files)
            {
                byte[] bytes;
                try
                {
                    using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                    bytes = new byte[stream.Length];
                    stream.ReadExactly(bytes);
                }
                catch (Exception ex) when (ex is FileNotFoundException or EndOfStreamException)
                {
                    continue; // removed or truncated by the server meanwhile
                }

                scanned += bytes.Length;
                var text = Encoding.Latin1.GetString(bytes);
                foreach (var secret in _secrets)
                {
                    Assert.That(text.Contains(secret, StringComparison.Ordinal), Is.False, $"{secret[..6]}... in {file}");
                }

                foreach (var code in _codes)
                {
                    Assert.That(HoldsCode(text, code), Is.False, $"code {code} in {file}");
                }
            }
        });
        TestContext.Out.WriteLine($"{Factory.Provider}: scanned {files.Count} files, {scanned / 1024} KiB, for {_secrets.Count} secrets and {_codes.Count} codes");
    }

    /// <summary>
    /// SQLite: the database file and its write-ahead log. PostgreSQL: after a checkpoint, the files of this test's
    /// database and the write-ahead log segments written during the run (NAVIXY_TEST_PGDATA, set by scripts/test.sh).
    /// </summary>
    private async Task<List<string>> DatabaseFiles()
    {
        if (Factory.ConnectionString is null)
        {
            return Directory.GetFiles(Factory.DataDirectory, "panel.db*").ToList();
        }

        var pgdata = Environment.GetEnvironmentVariable("NAVIXY_TEST_PGDATA");
        if (string.IsNullOrEmpty(pgdata) || !Directory.Exists(pgdata))
        {
            Assert.Ignore("NAVIXY_TEST_PGDATA is not set: run the tests through scripts/test.sh to scan PostgreSQL's files");
        }

        await DatabaseSnapshot.ScalarAsync(Factory, "CHECKPOINT; SELECT 1");
        var oid = await DatabaseSnapshot.ScalarAsync(Factory, "SELECT oid FROM pg_database WHERE datname = current_database()");
        return
        [
            .. Directory.GetFiles(Path.Combine(pgdata!, "base", oid.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            .. Directory.GetFiles(Path.Combine(pgdata!, "pg_wal")).Where(f => File.GetLastWriteTimeUtc(f) >= _startedAt),
        ];
    }

    private bool Leaks(string text) =>
        _secrets.Any(secret => text.Contains(secret, StringComparison.Ordinal))
        || _codes.Any(code => HoldsCode(text, code));

    /// <summary>The code as a whole token: not part of a longer run of digits or letters.</summary>
    private static bool HoldsCode(string text, string code) => Regex.IsMatch(text, $"(?<![0-9A-Za-z]){code}(?![0-9A-Za-z])");
}
