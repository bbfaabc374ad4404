using System.Diagnostics.Metrics;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeetingBot.Storage.Cosmos;

public static class CosmosStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Cosmos DB <see cref="IDocumentStore"/>, its validated <see cref="CosmosStorageOptions"/>,
    /// the one <see cref="CosmosClient"/> and the start-up check of the container.
    /// </summary>
    public static IServiceCollection AddCosmosStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<CosmosStorageOptions>().Bind(configuration.GetSection(CosmosStorageOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CosmosStorageOptions>, CosmosStorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(s => CosmosClientFactory.Create(s.GetRequiredService<IOptions<CosmosStorageOptions>>().Value));
        services.AddSingleton<CosmosContainerSetup>();
        services.AddSingleton<IStoreSetup>(s => s.GetRequiredService<CosmosContainerSetup>());
        services.AddHostedService(s => s.GetRequiredService<CosmosContainerSetup>());
        services.AddSingleton<IDocumentStore>(s =>
        {
            var options = s.GetRequiredService<IOptions<CosmosStorageOptions>>().Value;
            return new CosmosDocumentStore(
                s.GetRequiredService<CosmosClient>().GetContainer(options.Database, options.Container),
                s.GetRequiredService<TimeProvider>(),
                s.GetService<ILogger<CosmosDocumentStore>>(),
                s.GetService<IMeterFactory>());
        });
        return services;
    }
}
