using MeetingBot.Channels.BotFramework;
using MeetingBot.Channels.DirectLine;
using MeetingBot.Channels.WeCom;
using MeetingBot.Conversations;
using MeetingBot.Storage;
using MeetingBot.Storage.Cosmos;
using MeetingBot.Web.Page;
using MeetingBot.Web.SignIn;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace MeetingBot.Web;

/// <summary>Composes the bot: storage, conversation pipeline, channels, health, the Web Chat page and its sign-in. Nothing else.</summary>
public static class MeetingBotHost
{
    public const string DefaultUrl = "http://localhost:3978";

    /// <param name="configure">Lets tests replace settings or services before the host is built.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Settings are read at start-up. Watching appsettings.json for changes would also watch
        // everything under the content root, the embedded store's data/ folder included, and wake
        // on every write of every turn.
        var builder = WebApplication.CreateBuilder(["--hostBuilder:reloadConfigOnChange=false", .. args]);
        builder.Configuration.Sources.Insert(0, BundledSettings());
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // ASP.NET Core's request lines and the request scope it gives every other line carry URLs,
        // and Direct Line URLs carry conversation ids. Hosting creates that scope only while its own
        // category logs, so the category is off whatever Logging:LogLevel says.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        AddStorage(builder.Services, builder.Configuration);
        builder.Services.AddMeetingBotConversations(builder.Configuration);
        builder.Services.AddBotFrameworkChannel(builder.Configuration, builder.Environment);
        var access = builder.Services.AddWebChatSignIn(builder.Configuration, builder.Environment);
        builder.Services.AddDirectLineChannel(builder.Configuration, access);
        builder.Services.AddSecurityHeaders(builder.Configuration);
        builder.Services.AddWeComChannel(builder.Configuration);
        builder.Services.AddHealthChecks().AddCheck<DocumentStoreHealthCheck>("store", tags: [ReadyTag]);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseSecurityHeaders();
        var page = app.Services.GetRequiredService<IOptions<DirectLineOptions>>().Value.Enabled;
        if (page)
        {
            app.UseWebChatSignIn();
            app.UseDefaultFiles(WebChatFiles());
            app.UseStaticFiles(new StaticFileOptions { FileProvider = WebChatFiles().FileProvider });
        }

        // Liveness answers without touching anything; readiness asks the store.
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        app.MapBotFrameworkEndpoints();
        app.MapDirectLineEndpoints();
        if (page)
        {
            app.MapWebChatSignInEndpoints();
        }

        app.MapWeComEndpoints();
        return app;
    }

    /// <summary>The bot's configuration without a host, for commands such as teams-package.</summary>
    public static IConfiguration Configuration(string[] args)
    {
        var configuration = new ConfigurationManager();
        configuration.Sources.Add(BundledSettings());
        configuration.AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true);
        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine(args);
        return configuration;
    }

    private const string ReadyTag = "ready";

    /// <summary>Storage:Provider chooses the store: Embedded (SQLite, the default) or Cosmos (Azure Cosmos DB).</summary>
    private static void AddStorage(IServiceCollection services, ConfigurationManager configuration)
    {
        var provider = configuration["Storage:Provider"] is { Length: > 0 } value ? value : "Embedded";
        switch (provider.ToUpperInvariant())
        {
            case "EMBEDDED":
                services.AddEmbeddedStorage(configuration);
                break;
            case "COSMOS":
                services.AddCosmosStorage(configuration);
                break;
            default:
                throw new InvalidOperationException($"Storage:Provider '{provider}' is not a store this bot has: use Embedded or Cosmos.");
        }
    }

    /// <summary>
    /// The top-level appsettings.json travels with the binaries. It is the lowest-priority source,
    /// so the working directory's file, environment variables and arguments override it.
    /// </summary>
    private static JsonConfigurationSource BundledSettings()
    {
        var defaults = new JsonConfigurationSource { Path = Path.Combine(AppContext.BaseDirectory, "appsettings.json"), Optional = true };
        defaults.ResolveFileProvider();
        return defaults;
    }

    private static DefaultFilesOptions WebChatFiles() =>
        new() { FileProvider = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "WebChat")) };
}
