using MeetingBot.Materials.OpenXml.Spreadsheets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MeetingBot.Materials.OpenXml;

public static class WordExportServiceCollectionExtensions
{
    /// <summary>
    /// Registers the exports to Office files: <see cref="WordDocumentWriter"/> with
    /// <see cref="WordLayoutOptions"/> bound to the "Word" section and validated at start-up, so a
    /// unit's mistyped margin stops the host with the key to fix rather than failing the first
    /// export; and <see cref="SpreadsheetWriter"/> for the tables sent as workbooks, which has no settings.
    /// </summary>
    public static IServiceCollection AddWordExport(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<WordLayoutOptions>().Bind(configuration.GetSection(WordLayoutOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WordLayoutOptions>, WordLayoutOptionsValidator>());
        services.TryAddSingleton<WordDocumentWriter>();
        services.TryAddSingleton<SpreadsheetWriter>();
        return services;
    }
}
