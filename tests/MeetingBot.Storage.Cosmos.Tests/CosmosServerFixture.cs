using MeetingBot.TestKit.Cosmos;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace MeetingBot.Storage.Cosmos.Tests;

[CollectionDefinition(Name)]
// The xunit collection whose tests share one server.
public sealed class CosmosServerGroup : ICollectionFixture<CosmosServerFixture>
{
    public const string Name = "cosmosdb-server";
}

/// <summary>
/// One cosmosdb-server for the whole collection, and one container on it made the way the bot
/// makes it: through <see cref="CosmosStorageServiceCollectionExtensions.AddCosmosStorage"/>,
/// options validation and the start-up check. Tests share its long-lived client, as the bot does.
/// </summary>
public sealed class CosmosServerFixture : IAsyncLifetime
{
    private ServiceProvider? _services;

    public CosmosDbServer Server { get; } = new();

    public CosmosClient Client => Services.GetRequiredService<CosmosClient>();

    public Container Container { get; private set; } = null!;

    public ServiceProvider Services => _services ?? throw new InvalidOperationException("The fixture is not initialised.");

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        _services = BuildServices(Server.Settings("contract"));
        await StartAsync(_services);
        var options = _services.GetRequiredService<IOptions<CosmosStorageOptions>>().Value;
        Container = Client.GetContainer(options.Database, options.Container);
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await Server.DisposeAsync();
    }

    /// <summary>The bot's storage registration on the given settings.</summary>
    public static ServiceProvider BuildServices(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCosmosStorage(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>What the host does at start-up: validate options, run the hosted start-up work.</summary>
    public static async Task StartAsync(IServiceProvider services)
    {
        services.GetRequiredService<IStartupValidator>().Validate();
        foreach (var hosted in services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }
    }
}
