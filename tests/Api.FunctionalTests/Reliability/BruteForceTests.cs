using System.Net;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Navixy.Panel.Api.FunctionalTests.Support;
using Navixy.Panel.Application.Panel.Commands.CreatePanelAccount;
using Navixy.Panel.TestSupport;

namespace Navixy.Panel.Api.FunctionalTests.Reliability;

/// <summary>
/// Guessing passwords and one-time codes: the limits of the design hold, across two API instances sharing one
/// database and under parallel requests, and a thousand code guesses over many sessions never get in.
/// </summary>
[TestFixtureSource(typeof(TestProviders), nameof(TestProviders.All))]
public sealed class BruteForceTests(string provider) : TwoInstanceTest(provider)
{
    private const string Password = "User-Passw0rd";

    [Test]
    public async Task PanelPasswordGuessing_AcrossTwoInstances_Hits15_UntilTheWindowPasses()
    {
        var login = Unique("guess");
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CreatePanelAccountCommand(1, login, "Right-Passw0rd", "users:read"));
        }

        for (var guess = 0; guess < 10; guess++)
        {
            (await CallOn(guess % 2, "panel/account/auth", new { login, password = $"Guess-{guess}-Passw0rd" })).ShouldFail(12);
        }

        (await CallOn(0, "panel/account/auth", new { login, password = "Right-Passw0rd" })).ShouldFail(15, HttpStatusCode.TooManyRequests);
        (await CallOn(1, "panel/account/auth", new { login, password = "Right-Passw0rd" })).ShouldFail(15, HttpStatusCode.TooManyRequests);
        AdvanceBothClocks(TimeSpan.FromMinutes(16));
        (await CallOn(1, "panel/account/auth", new { login, password = "Right-Passw0rd" })).ShouldSucceed();
    }

    [Test]
    public async Task UserPasswordGuessing_AcrossTwoInstances_Hits105_UntilTheWindowPasses()
    {
        var (_, panel) = await NewDealer();
        var user = await NewUser(panel, password: Password);

        for (var guess = 0; guess < 10; guess++)
        {
            (await CallOn(guess % 2, "user/auth", new { login = user.Login, password = $"Guess-{guess}-Passw0rd" })).ShouldFail(102);
        }

        var limited = await CallOn(1, "user/auth", new { login = user.Login, password = Password });
        Assert.That(limited.Success, Is.False);
        Assert.That(limited.Code, Is.EqualTo(105));
        Assert.That((await CallOn(0, "user/auth", new { login = user.Login, password = Password })).Code, Is.EqualTo(105));
        AdvanceBothClocks(TimeSpan.FromMinutes(16));
        (await CallOn(0, "user/auth", new { login = user.Login, password = Password })).ShouldSucceed();
    }

    [TestCase(40)]
    [TestCase(200)]
    public async Task ParallelWrongPasswords_AcrossTwoInstances_CheckAtMostTenPasswords(int requests)
    {
        var (_, panel) = await NewDealer();
        var user = await NewUser(panel, password: Password);
        var panelLogin = Unique("parallel");
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CreatePanelAccountCommand(1, panelLogin, "Right-Passw0rd", "users:read"));
        }

        var userAnswers = await Task.WhenAll(Enumerable.Range(0, requests).Select(i =>
            CallOn(i % 2, "user/auth", new { login = user.Login, password = $"Guess-{i}-Passw0rd" })));
        var panelAnswers = await Task.WhenAll(Enumerable.Range(0, requests).Select(i =>
            CallOn(i % 2, "panel/account/auth", new { login = panelLogin, password = $"Guess-{i}-Passw0rd" })));

        // Each 102 or 12 is one password checked; a 105 or 15 was refused before its password was looked at.
        TestContext.Out.WriteLine($"{requests} at once: user {Tally(userAnswers)}, panel {Tally(panelAnswers)}");
        Assert.Multiple(() =>
        {
            Assert.That(userAnswers.Count(a => a.Code == 102), Is.EqualTo(10), Tally(userAnswers));
            Assert.That(userAnswers.Count(a => a.Code == 105), Is.EqualTo(requests - 10), Tally(userAnswers));
            Assert.That(panelAnswers.Count(a => a.Code == 12), Is.EqualTo(10), Tally(panelAnswers));
            Assert.That(panelAnswers.Count(a => a is { Code: 15, Status: HttpStatusCode.TooManyRequests }), Is.EqualTo(requests - 10), Tally(panelAnswers));
        });
    }

    private static string Tally(IEnumerable<ApiResponse> answers) =>
        string.Join(", ", answers.GroupBy(a => a.Success ? "success" : a.Code.ToString(System.Globalization.CultureInfo.InvariantCulture)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} x {g.Key}"));

    [Test]
    public async Task AThousandCodeGuesses_OverManySessionsInParallel_NeverGetIn_AndMailsStayWithinTheCaps()
    {
        var (_, panel) = await NewDealer();
        var user = await NewUser(panel, ownMfa: new { type = "allowed", factor_types = new[] { "email" } }, password: Password);
        var random = new Random(20261201);
        var seen = new HashSet<string>();
        var guesses = 0;

        for (var round = 0; round < 5; round++)
        {
            AdvanceBothClocks(TimeSpan.FromMinutes(16));

            // Eight logins at once on both instances: five mails per 15 minutes, and twenty a day, so none in round five.
            var logins = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => CallOn(i % 2, "user/auth", new { login = user.Login, password = Password })));
            var sessions = logins.Where(l => l.Success).Select(l => l.Hash).ToArray();
            Assert.That(sessions, Has.Length.EqualTo(round < 4 ? 5 : 0), Tally(logins));
            foreach (var capped in logins.Where(l => !l.Success))
            {
                capped.ShouldFail(15, HttpStatusCode.TooManyRequests);
                // At most the window (and a second of rounding up, for a parallel login whose clock was read a moment later).
                // From the fourth round on the day's twenty are reached too, and the wait is for the first of them.
                Assert.That(capped.RetryAfter, round < 3 ? Is.InRange(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(2)) : Is.GreaterThan(TimeSpan.FromHours(12)));
            }

            if (sessions.Length == 0)
            {
                continue;
            }

            var wrongBefore = await WrongCodesChecked(user.Id);
            var codes = Enumerable.Range(0, 250).Select(_ => random.Next(1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            var answers = await Task.WhenAll(codes.Select((code, i) => CallOn(i % 2, "user/auth/code/verify", new { code }, sessions[i % sessions.Length])));
            guesses += answers.Length;
            Assert.That(answers.Where(a => a.Success), Is.Empty, "a guess got in");
            Assert.That(answers.Select(a => a.Code).Distinct(), Is.SubsetOf(new[] { 282, 105 }), Tally(answers));
            Assert.That(await WrongCodesChecked(user.Id) - wrongBefore, Is.InRange(1, 10), "codes compared and wrong, over the round's sessions");

            // The round's real codes, tried on every session of the round once the account is locked, get in nowhere.
            var real = Mailbox.CodesFor(Factory.MailDirectory, user.Login).Where(seen.Add).ToArray();
            Assert.That(real, Has.Length.EqualTo(sessions.Length));
            foreach (var session in sessions)
            {
                foreach (var code in real)
                {
                    (await CallOn(guesses++ % 2, "user/auth/code/verify", new { code }, session)).ShouldFail(105);
                }
            }

            (await CallOn(round % 2, "user/auth", new { login = user.Login, password = Password })).ShouldFail(105);
        }

        TestContext.Out.WriteLine($"{guesses} guesses over {seen.Count} sessions, {await WrongCodesChecked(user.Id)} compared and wrong, {Mailbox.CodesFor(Factory.MailDirectory, user.Login).Length} mails");
        Assert.That(guesses, Is.GreaterThanOrEqualTo(1000));
        Assert.That(Mailbox.CodesFor(Factory.MailDirectory, user.Login), Has.Length.EqualTo(20), "twenty mails a day");
    }

    private async Task<long> WrongCodesChecked(long userId) =>
        await DatabaseSnapshot.ScalarAsync(Factory, $"SELECT COALESCE(SUM(wrong_attempts), 0) FROM user_sessions WHERE user_id = {userId}");
}
