namespace Navixy.Panel.Api.FunctionalTests.Support;

/// <summary>
/// A functional fixture with a second API host on the fixture's database, as a second instance behind a load
/// balancer: instance 0 is the fixture's own host, instance 1 the second.
/// </summary>
public abstract class TwoInstanceTest(string provider) : FunctionalTest(provider)
{
    protected PanelApiFactory Second { get; private set; } = null!;

    protected HttpClient SecondClient { get; private set; } = null!;

    /// <summary>Both instances' clients, instance 0 first.</summary>
    protected HttpClient[] Clients => [Client, SecondClient];

    [OneTimeSetUp]
    public void StartSecondInstance()
    {
        Second = new PanelApiFactory(Factory.Provider, sharing: Factory);
        SecondClient = Second.CreateClient();
    }

    [OneTimeTearDown]
    public void StopSecondInstance()
    {
        SecondClient?.Dispose();
        Second?.Dispose();
    }

    /// <summary>Posts JSON parameters to one of the two instances.</summary>
    protected Task<ApiResponse> CallOn(int instance, string action, object parameters, string? hash = null) =>
        Call(action, parameters, hash, client: instance == 0 ? null : SecondClient);

    protected void AdvanceBothClocks(TimeSpan by)
    {
        Factory.Clock.Advance(by);
        Second.Clock.Advance(by);
    }
}
