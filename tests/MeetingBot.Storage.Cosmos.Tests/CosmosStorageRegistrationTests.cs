using MeetingBot.Storage.Embedded;
using MeetingBot.TestKit;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace MeetingBot.Storage.Cosmos.Tests;

/// <summary>The Cosmos DB store through the registration the host uses for Storage:Provider=Cosmos, checked at start-up.</summary>
[Collection(CosmosServerGroup.Name)]
public sealed class CosmosStorageRegistrationTests(CosmosServerFixture cosmos)
{
    [Fact]
    public async Task The_cosmos_provider_registers_one_client_and_the_cosmos_store()
    {
        using var services = CosmosServerFixture.BuildServices(cosmos.Server.Settings("registration"));
        await CosmosServerFixture.StartAsync(services);

        Assert.IsType<CosmosDocumentStore>(services.GetRequiredService<IDocumentStore>());
        Assert.Same(services.GetRequiredService<CosmosClient>(), services.GetRequiredService<CosmosClient>());
        var client = services.GetRequiredService<CosmosClient>().ClientOptions;
        Assert.Equal(ConnectionMode.Gateway, client.ConnectionMode);
        Assert.True(client.LimitToEndpoint);
        Assert.Equal(5, client.MaxRetryAttemptsOnRateLimitedRequests);
        Assert.Equal(TimeSpan.FromSeconds(5), client.MaxRetryWaitTimeOnRateLimitedRequests);
    }

    [Fact]
    public async Task The_container_is_created_partitioned_by_pk_with_time_to_live_on()
    {
        using var services = CosmosServerFixture.BuildServices(cosmos.Server.Settings("created"));
        await CosmosServerFixture.StartAsync(services);

        var container = services.GetRequiredService<CosmosClient>().GetContainer("created", "documents");
        var properties = (await container.ReadContainerAsync()).Resource;
        Assert.Equal("/pk", properties.PartitionKeyPath);
        Assert.Equal(-1, properties.DefaultTimeToLive);
        Assert.Contains(properties.IndexingPolicy.ExcludedPaths, p => p.Path == "/body/*");
    }

    [Theory]
    [InlineData("Storage:Cosmos:Endpoint", "", "Storage:Cosmos:Endpoint is required when Storage:Provider is Cosmos")]
    [InlineData("Storage:Cosmos:Endpoint", "not a url", "Storage:Cosmos:Endpoint must be an absolute http(s) URL")]
    [InlineData("Storage:Cosmos:Key", "not base64!", "Storage:Cosmos:Key must be the account key")]
    [InlineData("Storage:Cosmos:Database", "", "Storage:Cosmos:Database is required")]
    [InlineData("Storage:Cosmos:Container", "a/b", "Storage:Cosmos:Container must be at most 255 characters")]
    public void Start_up_fails_naming_the_setting_to_fix(string key, string value, string expected)
    {
        var settings = cosmos.Server.Settings("invalid");
        settings[key] = value;
        using var services = CosmosServerFixture.BuildServices(settings);

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_key_is_named_but_never_repeated()
    {
        var settings = cosmos.Server.Settings("secret");
        settings["Storage:Cosmos:Key"] = "secret-but-not-base64";
        using var services = CosmosServerFixture.BuildServices(settings);

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Storage:Cosmos:Key", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-but-not-base64", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_container_stops_the_start_when_it_may_not_be_created()
    {
        var settings = cosmos.Server.Settings("missing");
        settings["Storage:Cosmos:CreateIfNotExists"] = "false";
        using var services = CosmosServerFixture.BuildServices(settings);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => CosmosServerFixture.StartAsync(services));

        Assert.Contains("container 'documents' in database 'missing' does not exist", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:Cosmos:CreateIfNotExists=true", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_container_partitioned_otherwise_stops_the_start()
    {
        var database = (await cosmos.Client.CreateDatabaseIfNotExistsAsync("wrong-partitioning")).Database;
        await database.CreateContainerIfNotExistsAsync(new ContainerProperties("documents", "/id"));
        using var services = CosmosServerFixture.BuildServices(cosmos.Server.Settings("wrong-partitioning"));

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => CosmosServerFixture.StartAsync(services));

        Assert.Contains("is partitioned by '/id'; MeetingBot needs '/pk'", ex.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = Configuration(settings);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCosmosStorage(configuration);
        return services.BuildServiceProvider();
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
