using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Navixy.Panel.Application;
using Navixy.Panel.Application.Common.Configuration;
using Navixy.Panel.Infrastructure;

namespace Navixy.Panel.Api.FunctionalTests.Features;

/// <summary>
/// The sentences the start stops with, from the framework's own options validation: the validators' wording, and the
/// binder's "cannot convert" reworded. In process, so a change of the binder's message shows here by its words
/// (<see cref="FaultTests"/> runs the service itself for every setting).
/// </summary>
public sealed class StartupSettingsTests
{
    [TestCase("Housekeeping:BatchSize", "1e3", "Housekeeping:BatchSize must be a whole number, not '1e3'.")]
    [TestCase("Housekeeping:BatchSize", "0", "Housekeeping:BatchSize must be a whole number of rows from 1 to 100000, not '0'.")]
    [TestCase("Database:ReadCacheSeconds", "half a minute", "Database:ReadCacheSeconds must be a number, not 'half a minute'.")]
    [TestCase("Database:ReadCacheSeconds", "NaN", "Database:ReadCacheSeconds must be a number of seconds from 0 to 3600, not 'NaN'.")]
    [TestCase("Database:MigrateOnStartup", "maybe", "Database:MigrateOnStartup must be true or false, not 'maybe'.")]
    [TestCase("Notifications:MfaChanges", "Some", "Notifications:MfaChanges must be one of Off, TurnedOff, All, not 'Some'.")]
    [TestCase("Notifications:MfaChanges", "7", "Notifications:MfaChanges must be one of Off, TurnedOff, All, not '7'.")]
    [TestCase("Email:Delivery", "Pigeon", "Email:Delivery must be one of Pickup, Smtp, not 'Pigeon'.")]
    [TestCase("Audit:RetentionDays", "0", "Audit:RetentionDays must be a whole number of days from 1 to 36500, not '0'.")]
    [TestCase("Security:CodeSecret", "c2hvcnQ=", "Security:CodeSecret must be base64 of at least 32 bytes (e.g. from `openssl rand -base64 32`).")]
    public void OneBadValue_GivesOneSentenceNamingIt(string key, string value, string sentence)
    {
        var problems = Validate(new Dictionary<string, string?> { [key] = value });

        Assert.That(problems, Is.EqualTo(new[] { sentence }));
    }

    [Test]
    public void TwoBadSections_GiveOneSentenceEach()
    {
        var problems = Validate(new Dictionary<string, string?> { ["Audit:RetentionDays"] = "0", ["Notifications:MaxPerSecond"] = "0" });

        Assert.That(problems, Is.EquivalentTo(new[]
        {
            "Audit:RetentionDays must be a whole number of days from 1 to 36500, not '0'.",
            "Notifications:MaxPerSecond must be a whole number of messages a second from 1 to 10000, not '0'.",
        }));
    }

    [Test]
    public void Defaults_PassEveryCheck()
    {
        Assert.That(Validate([]), Is.Empty);
    }

    private static IReadOnlyList<string> Validate(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddApplication(configuration).AddInfrastructure().AddApi();
        using var provider = services.BuildServiceProvider();
        try
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
            return [];
        }
        catch (Exception ex)
        {
            var problems = SettingProblems.Of(ex, configuration);
            return problems.Count > 0 ? problems : throw new AssertionException($"not a settings problem: {ex}");
        }
    }
}
