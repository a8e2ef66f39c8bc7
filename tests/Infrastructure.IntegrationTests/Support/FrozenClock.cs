namespace Navixy.Panel.Infrastructure.IntegrationTests.Support;

/// <summary>A clock that stands at a set instant, so rows can be placed exactly one second either side of their expiry.</summary>
public sealed class FrozenClock(DateTime utcNow) : TimeProvider
{
    public DateTime UtcNow { get; } = utcNow;

    public override DateTimeOffset GetUtcNow() => new(UtcNow);
}
