namespace Navixy.Panel.Api.Protocol;

/// <summary><c>Protocol:RateLimit</c>: Navixy's API limit, counted by each instance on its own.</summary>
public sealed class RateLimitOptions
{
    public const string PerSecondKey = "Protocol:RateLimit:PerSecond";

    /// <summary>Requests a session hash (or a client address, for requests without one) may make per second; 0 is off.</summary>
    public int PerSecond { get; set; } = 50;
}
