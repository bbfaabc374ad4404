using MeetingBot.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingBot.TestKit.Hosting;

/// <summary>
/// The real host (<see cref="MeetingBotHost.Build"/>) on Kestrel on a loopback port, configured by
/// command-line settings as an operator would, with its embedded store in a database file.
/// </summary>
public sealed class RunningBot : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TempFolder? _ownedFolder;

    private RunningBot(WebApplication app, Uri address, TempFolder? ownedFolder)
    {
        _app = app;
        _ownedFolder = ownedFolder;
        Address = address;
        Http = CreateClient();
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a bot on a database of its own, deleted when the bot is disposed.</summary>
    public static async Task<RunningBot> StartAsync(string[]? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        var folder = new TempFolder();
        return await StartAsync(folder.File("bot.db"), settings, configure, folder);
    }

    /// <summary>Starts a bot on the given database file, e.g. a second host after a restart.</summary>
    public static Task<RunningBot> StartAsync(string databasePath, string[]? settings = null, Action<WebApplicationBuilder>? configure = null) =>
        StartAsync(databasePath, settings, configure, ownedFolder: null);

    /// <summary>A client of its own, for tests that hold several at once.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = Address };

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _ownedFolder?.Dispose();
    }

    private static async Task<RunningBot> StartAsync(string databasePath, string[]? settings, Action<WebApplicationBuilder>? configure, TempFolder? ownedFolder)
    {
        // Tests post activities without tokens unless they set MicrosoftAppId, and the page runs without
        // sign-in unless they set WebChat:Authentication, as on a developer machine.
        string[] args =
        [
            "--urls=http://127.0.0.1:0", $"--Storage:Embedded:Path={databasePath}", "--Logging:LogLevel:Default=Warning",
            "--BotFramework:DevelopmentOnlyAllowAnonymous=true", "--WebChat:Authentication:DevelopmentOnlyAllowAnonymous=true", .. settings ?? [],
        ];
        var app = MeetingBotHost.Build(args, configure);
        await app.StartAsync();
        var address = new Uri(app.Address());
        return new RunningBot(app, address, ownedFolder);
    }
}

/// <summary>Test-only changes to a host's services.</summary>
public static class RunningBotServices
{
    /// <summary>Puts a decorator around the store the host registered (one that fails on demand, say).</summary>
    public static IServiceCollection DecorateStore(this IServiceCollection services, Func<MeetingBot.Storage.IDocumentStore, MeetingBot.Storage.IDocumentStore> decorate)
    {
        var registered = services.Last(s => s.ServiceType == typeof(MeetingBot.Storage.IDocumentStore));
        services.Remove(registered);
        services.AddSingleton(provider => decorate((MeetingBot.Storage.IDocumentStore)registered.ImplementationFactory!(provider)));
        return services;
    }
}
