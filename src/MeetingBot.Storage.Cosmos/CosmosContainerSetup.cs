using System.Net;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeetingBot.Storage.Cosmos;

/// <summary>
/// Checks the container at start-up, creating it (and its database) first when
/// Storage:Cosmos:CreateIfNotExists is set, so that a missing or wrongly partitioned container stops
/// the bot at once with a message saying what to fix, instead of failing its first turn.
/// </summary>
internal sealed class CosmosContainerSetup(
    CosmosClient client,
    IOptions<CosmosStorageOptions> options,
    ILogger<CosmosContainerSetup> logger) : IHostedService, IStoreSetup
{
    public Task StartAsync(CancellationToken cancellationToken) => PrepareAsync(cancellationToken);

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var properties = settings.CreateIfNotExists
            ? await CreateIfNotExistsAsync(settings, cancellationToken)
            : await ReadAsync(settings, cancellationToken);

        if (!string.Equals(properties.PartitionKeyPath, CosmosEnvelope.PartitionKeyPath, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"The Cosmos DB container '{settings.Container}' is partitioned by '{properties.PartitionKeyPath}'; MeetingBot needs " +
                $"'{CosmosEnvelope.PartitionKeyPath}'. A partition key cannot be changed: create a new container (see README, Azure Cosmos DB).");
        }

        if (properties.DefaultTimeToLive is null)
        {
            Log.TimeToLiveOff(logger, settings.Container);
        }

        Log.ContainerReady(logger, settings.Database, settings.Container, settings.ConnectionMode);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The container MeetingBot creates: partitioned by "/pk" (large partition key values allowed),
    /// time to live on without a default (each transient item brings its own "ttl"), and the bodies
    /// left out of the index, since queries filter only on pk, kind and expiresAt and indexing
    /// every answer would make each write cost more.
    /// </summary>
    internal static ContainerProperties Definition(string container) => new(container, CosmosEnvelope.PartitionKeyPath)
    {
        PartitionKeyDefinitionVersion = PartitionKeyDefinitionVersion.V2,
        DefaultTimeToLive = -1,
        IndexingPolicy = new IndexingPolicy
        {
            Automatic = true,
            IndexingMode = IndexingMode.Consistent,
            IncludedPaths = { new IncludedPath { Path = "/*" } },
            ExcludedPaths = { new ExcludedPath { Path = "/body/*" }, new ExcludedPath { Path = "/\"_etag\"/?" } },
        },
    };

    private async Task<ContainerProperties> CreateIfNotExistsAsync(CosmosStorageOptions settings, CancellationToken cancellationToken)
    {
        try
        {
            // No throughput is given: a serverless account refuses one, and a provisioned account
            // then gives the container the minimum (400 RU/s) unless the database shares its own.
            var database = await client.CreateDatabaseIfNotExistsAsync(settings.Database, cancellationToken: cancellationToken);
            var container = await database.Database.CreateContainerIfNotExistsAsync(Definition(settings.Container), cancellationToken: cancellationToken);
            if (container.StatusCode == HttpStatusCode.Created)
            {
                Log.ContainerCreated(logger, settings.Database, settings.Container, container.RequestCharge);
            }

            return container.Resource;
        }
        catch (ArgumentException)
        {
            // The SDK refuses an existing container partitioned otherwise; read it, so the check
            // below reports what it found.
            return await ReadAsync(settings, cancellationToken);
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.Forbidden)
        {
            throw new InvalidOperationException(
                $"Creating the Cosmos DB database '{settings.Database}' or container '{settings.Container}' was refused. " +
                "Entra ID data-plane roles cannot create them: create them beforehand (see README, Azure Cosmos DB) and set " +
                "Storage:Cosmos:CreateIfNotExists=false, or use Storage:Cosmos:Key.", e);
        }
    }

    private async Task<ContainerProperties> ReadAsync(CosmosStorageOptions settings, CancellationToken cancellationToken)
    {
        try
        {
            var container = client.GetContainer(settings.Database, settings.Container);
            return (await container.ReadContainerAsync(cancellationToken: cancellationToken)).Resource;
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            throw new InvalidOperationException(
                $"The Cosmos DB container '{settings.Container}' in database '{settings.Database}' does not exist. Create it with partition key " +
                $"path '{CosmosEnvelope.PartitionKeyPath}' and time to live on (default -1), or set Storage:Cosmos:CreateIfNotExists=true.", e);
        }
    }
}
