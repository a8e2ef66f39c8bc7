using System.Net;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Navixy.Panel.Api.FunctionalTests.Support;
using Navixy.Panel.Application.Panel.Commands.CreatePanelAccount;
using Navixy.Panel.TestSupport;

namespace Navixy.Panel.Api.FunctionalTests.Reliability;

/// <summary>
/// Guessing passwords and one-time codes: the limits of the design hold, across two API instances sharing one
/// database, and a thousand code guesses never get in.
/// </summary>
[TestFixtureSource(typeof(TestProviders), nameof(TestProviders.All))]
public sealed class BruteForceTests(string provider) : FunctionalTest(provider)
{
    private const string Password = "User-Passw0rd";
    private PanelApiFactory _second = null!;
    private HttpClient _secondClient = null!;

    [OneTimeSetUp]
    public void StartSecondInstance()
    {
        _second = new PanelApiFactory(Factory.Provider, sharing: Factory);
        _secondClient = _second.CreateClient();
    }

    [OneTimeTearDown]
    public void StopSecondInstance()
    {
        _secondClient.Dispose();
        _second.Dispose();
    }

    /// <summary>Posts JSON parameters to one of the two instances.</summary>
    private Task<ApiResponse> CallOn(int instance, string action, object parameters, string? hash = null) =>
        Call(action, parameters, hash, client: instance == 0 ? null : _secondClient);

    private void AdvanceBothClocks(TimeSpan by)
    {
        Factory.Clock.Advance(by);
        _second.Clock.Advance(by);
    }

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

    [Test]
    public async Task AThousandCodeGuesses_AcrossResendsAndInstances_NeverGetIn()
    {
        var (_, panel) = await NewDealer();
        var user = await NewUser(panel, ownMfa: new { type = "allowed", factor_types = new[] { "email" } }, password: Password);
        var secondFactor = (await Call("user/auth", new { login = user.Login, password = Password })).ShouldSucceed().Hash;
        var random = new Random(20261122);
        var sends = 1;
        var wrongSinceIssue = 0;
        var realCodeTries = 0;
        var seen = new HashSet<string>(Mailbox.CodesFor(Factory.MailDirectory, user.Login));
        var real = seen.Single();

        for (var attempt = 0; attempt < 1000; attempt++)
        {
            if (attempt > 0 && attempt % 150 == 0 && sends < 5)
            {
                AdvanceBothClocks(TimeSpan.FromSeconds(61));
                var wrongBefore = await WrongAttempts();
                (await CallOn(attempt % 2, "user/auth/code/resend", new { }, secondFactor)).ShouldSucceed();
                Assert.That(await WrongAttempts(), Is.EqualTo(wrongBefore), "a resend reset the wrong-code counter");
                sends++;
                wrongSinceIssue = 0;
                real = Mailbox.CodesFor(Factory.MailDirectory, user.Login).Except(seen).Single();
                seen.Add(real);
            }

            // The real code is only ever offered after the five wrong ones that void it.
            var guess = wrongSinceIssue >= 5 && attempt % 7 == 0 ? real : random.Next(1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            if (guess == real && wrongSinceIssue < 5)
            {
                guess = ((int.Parse(real, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            }

            realCodeTries += guess == real ? 1 : 0;
            (await CallOn(attempt % 2, "user/auth/code/verify", new { code = guess }, secondFactor)).ShouldFail(282);
            wrongSinceIssue++;
        }

        TestContext.Out.WriteLine($"1000 guesses, {sends} codes sent, the real code offered {realCodeTries} times after it was voided, {await WrongAttempts()} misses counted");
        Assert.That(sends, Is.EqualTo(5));
        Assert.That(realCodeTries, Is.GreaterThan(0), "the real code was tried after it was voided");
        Assert.That(await WrongAttempts(), Is.EqualTo(25), "five sends, five counted misses each; later guesses find no usable code");
        AdvanceBothClocks(TimeSpan.FromSeconds(61));
        (await Call("user/auth/code/resend", null, secondFactor)).ShouldFail(15, HttpStatusCode.TooManyRequests);
    }

    private async Task<long> WrongAttempts() =>
        await DatabaseSnapshot.ScalarAsync(Factory, "SELECT COALESCE(MAX(wrong_attempts), 0) FROM user_sessions WHERE kind = 2");
}
