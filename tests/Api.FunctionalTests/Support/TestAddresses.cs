using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Navixy.Panel.Api.FunctionalTests.Support;

/// <summary>
/// A host whose test requests come from the connection address they name in <see cref="Header"/>, as if each came
/// from that host (the test server has no real connection).
/// </summary>
public static class TestAddresses
{
    public const string Header = "X-Test-Connection-Address";

    public static WebApplicationFactory<Program> WithTestAddresses(this PanelApiFactory factory) =>
        factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddTransient<IStartupFilter, ConnectionAddress>()));

    private sealed class ConnectionAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return following(context);
            });
            next(app);
        };
    }
}
