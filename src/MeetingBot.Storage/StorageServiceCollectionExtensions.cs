using MeetingBot.Storage.Embedded;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeetingBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the embedded SQLite store as the <see cref="IDocumentStore"/>, with its validated <see cref="EmbeddedStorageOptions"/>.</summary>
    public static IServiceCollection AddEmbeddedStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<EmbeddedStorageOptions>().Bind(configuration.GetSection(EmbeddedStorageOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmbeddedStorageOptions>, EmbeddedStorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IDocumentStore>(CreateEmbeddedStore);
        return services;
    }

    private static EmbeddedDocumentStore CreateEmbeddedStore(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<EmbeddedStorageOptions>>().Value;
        // Without a host (tools, tests) the working directory is the only sensible root.
        var root = services.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
        var path = Path.GetFullPath(options.Path, root);
        try
        {
            return new EmbeddedDocumentStore(path, services.GetRequiredService<TimeProvider>(), services.GetService<ILogger<EmbeddedDocumentStore>>(), options.BusyTimeout);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"The embedded database '{path}' cannot be opened ({e.Message}). Check Storage:Embedded:Path: its folder must exist or be creatable, and the file must be readable and writable by the bot.",
                e);
        }
    }
}
