using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeetingBot.TestKit.Hosting;

/// <summary>Kestrel on a free loopback port, for the bot under test and the stand-ins it talks to.</summary>
public static class LoopbackServer
{
    /// <summary>A slim app for a stand-in: plain HTTP on 127.0.0.1 (a stand-in may listen otherwise), no logging.</summary>
    public static WebApplicationBuilder CreateStandInBuilder()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        return builder;
    }

    /// <summary>The address a started app listens on, e.g. http://127.0.0.1:41234.</summary>
    public static string Address(this WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
}
