using MeetingBot.Storage.Embedded;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeetingBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="StorageOptions"/> (validated at start-up) and the <see cref="IDocumentStore"/>
    /// chosen by Storage:Provider.
    /// </summary>
    /// <exception cref="InvalidOperationException">Storage:Provider names a store this build cannot provide.</exception>
    public static IServiceCollection AddMeetingBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var section = configuration.GetSection(StorageOptions.SectionName);
        services.AddOptions<StorageOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // The provider decides which services exist, so it is read now rather than at resolution;
        // a wrong provider then fails the start-up instead of the first request.
        var provider = section.Get<StorageOptions>()?.Provider ?? StorageProvider.Embedded;
        switch (provider)
        {
            case StorageProvider.Embedded:
                services.AddSingleton<IDocumentStore>(CreateEmbeddedStore);
                break;
            case StorageProvider.Cosmos:
                // The Cosmos store lives in MeetingBot.Storage.Cosmos, the only project that references
                // the SDK; its AddMeetingBotCosmosStorage registers the store before this runs.
                if (!services.Any(s => s.ServiceType == typeof(IDocumentStore)))
                {
                    throw new InvalidOperationException("Storage:Provider=Cosmos is not available in this build; call AddMeetingBotCosmosStorage (MeetingBot.Storage.Cosmos) before AddMeetingBotStorage, or use Storage:Provider=Embedded.");
                }

                break;
            default:
                throw new InvalidOperationException($"Storage:Provider={provider} is not a known storage provider.");
        }

        return services;
    }

    private static EmbeddedDocumentStore CreateEmbeddedStore(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        // Without a host (tools, tests) the working directory is the only sensible root.
        var root = services.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
        return new EmbeddedDocumentStore(
            Path.GetFullPath(options.Embedded.Path, root),
            services.GetRequiredService<TimeProvider>(),
            services.GetService<ILogger<EmbeddedDocumentStore>>(),
            options.Embedded.BusyTimeout);
    }
}
