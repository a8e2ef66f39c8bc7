using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Navixy.Panel.Api.FunctionalTests.Support;
using Navixy.Panel.Api.Logging;

namespace Navixy.Panel.Api.FunctionalTests.Features;

/// <summary>The floors on the two framework categories that print secrets raise their levels and never lower them.</summary>
public sealed class LogLevelFloorTests
{
    private const string Invoker = "Microsoft.AspNetCore.Mvc.Infrastructure.ControllerActionInvoker";
    private const string Hosting = "Microsoft.AspNetCore.Hosting.Diagnostics";

    private static ILoggerFactory Factory(params (string Key, string Level)[] levels)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(levels.Select(l => new KeyValuePair<string, string?>($"Logging:{l.Key}", l.Level)))
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddProvider(new CapturedLog()));
        services.AddSingleton<IPostConfigureOptions<LoggerFilterOptions>>(new LogLevelFloor(Invoker, LogLevel.Debug));
        services.AddSingleton<IPostConfigureOptions<LoggerFilterOptions>>(new LogLevelFloor(Hosting, LogLevel.Warning));
        return services.BuildServiceProvider().GetRequiredService<ILoggerFactory>();
    }

    private static LogLevel Lowest(ILoggerFactory factory, string category)
    {
        var logger = factory.CreateLogger(category);
        return Enum.GetValues<LogLevel>().First(level => level == LogLevel.None || logger.IsEnabled(level));
    }

    [Test]
    public void A_verbose_configuration_is_raised_to_the_floor()
    {
        using var factory = Factory(("LogLevel:Default", "Trace"), ("LogLevel:Microsoft.AspNetCore", "Trace"));

        Assert.Multiple(() =>
        {
            Assert.That(Lowest(factory, Invoker), Is.EqualTo(LogLevel.Debug));
            Assert.That(Lowest(factory, Hosting), Is.EqualTo(LogLevel.Warning));
            Assert.That(Lowest(factory, "Microsoft.AspNetCore.Routing"), Is.EqualTo(LogLevel.Trace), "other categories keep their level");
        });
    }

    [Test]
    public void A_stricter_configuration_is_kept()
    {
        using var factory = Factory(("LogLevel:Default", "Information"), ("LogLevel:Microsoft.AspNetCore", "Warning"), ("LogLevel:Microsoft.AspNetCore.Hosting", "Error"));

        Assert.Multiple(() =>
        {
            Assert.That(Lowest(factory, Invoker), Is.EqualTo(LogLevel.Warning), "Microsoft.AspNetCore applies, not the floor");
            Assert.That(Lowest(factory, Hosting), Is.EqualTo(LogLevel.Error));
            Assert.That(Lowest(factory, "Navixy.Panel.Api"), Is.EqualTo(LogLevel.Information));
        });
    }

    [Test]
    public void The_most_specific_configured_rule_still_decides_above_the_floor()
    {
        using var factory = Factory(("LogLevel:Default", "None"), ("LogLevel:Microsoft.AspNetCore.Mvc", "Trace"), ("LogLevel:Microsoft.AspNetCore.Mvc.*.ControllerActionInvoker", "Information"));

        Assert.Multiple(() =>
        {
            Assert.That(Lowest(factory, Invoker), Is.EqualTo(LogLevel.Information), "the wildcard rule is the longest match");
            Assert.That(Lowest(factory, Hosting), Is.EqualTo(LogLevel.None));
        });
    }

    [Test]
    public void Provider_specific_rules_are_floored_too()
    {
        using var factory = Factory(("LogLevel:Default", "Warning"), ($"{typeof(CapturedLog).FullName}:LogLevel:Default", "Trace"));

        Assert.Multiple(() =>
        {
            Assert.That(Lowest(factory, Invoker), Is.EqualTo(LogLevel.Debug));
            Assert.That(Lowest(factory, Hosting), Is.EqualTo(LogLevel.Warning));
            Assert.That(Lowest(factory, "Navixy.Panel.Api"), Is.EqualTo(LogLevel.Trace));
        });
    }
}

/// <summary>The hosted service at its usual Warning level writes nothing for requests that succeed or are refused.</summary>
[TestFixture("Sqlite")]
public sealed class QuietLogTests(string provider) : FunctionalTest(provider)
{
    [Test]
    public async Task Requests_log_nothing_below_warning()
    {
        Factory.Log.Clear();

        (await Call("panel/user/mfa/settings/default/read", hash: AdminHash)).ShouldSucceed();
        (await Call("panel/user/read", new { user_id = 999_999 }, AdminHash)).ShouldFail(201);
        (await Call("panel/user/mfa/settings/default/read", hash: "0123456789abcdef0123456789abcdef")).ShouldFail(4);

        var belowWarning = new[] { LogLevel.Trace, LogLevel.Debug, LogLevel.Information }.Select(level => level + " ").ToArray();
        Assert.That(Factory.Log.Entries.Where(entry => belowWarning.Any(level => entry.StartsWith(level, StringComparison.Ordinal))), Is.Empty);
    }
}
