using MeetingBot.Storage.Embedded;
using Microsoft.Extensions.Options;

namespace MeetingBot.Storage;

/// <summary>Which <see cref="IDocumentStore"/> the bot runs on.</summary>
public enum StorageProvider
{
    /// <summary>A local SQLite file; needs no cloud resources.</summary>
    Embedded,

    /// <summary>Azure Cosmos DB.</summary>
    Cosmos,
}

/// <summary>The "Storage" configuration section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Embedded;

    public EmbeddedStorageOptions Embedded { get; set; } = new();
}

/// <summary>The "Storage:Embedded" configuration section.</summary>
public sealed class EmbeddedStorageOptions
{
    /// <summary>
    /// The SQLite database file. A relative path resolves against the host's content root, not the
    /// working directory, so the data does not move when the bot is started from elsewhere.
    /// </summary>
    public string Path { get; set; } = "data/meetingbot.db";

    /// <summary>
    /// How long a write waits while another process holds the database's write lock. Past it the
    /// turn is refused as "store unavailable" (the user is asked to try again) and nothing is kept.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = EmbeddedDocumentStore.DefaultBusyTimeout;
}

// Messages name the full configuration key because that is what an operator has to fix.
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Provider))
        {
            failures.Add($"Storage:Provider must be one of {string.Join(", ", Enum.GetNames<StorageProvider>())}.");
        }

        if (options.Provider == StorageProvider.Embedded)
        {
            var path = options.Embedded?.Path;
            if (string.IsNullOrWhiteSpace(path))
            {
                failures.Add("Storage:Embedded:Path must not be empty.");
            }
            else if (path.EndsWith('/') || path.EndsWith('\\'))
            {
                failures.Add($"Storage:Embedded:Path must name a database file, not a folder ('{path}').");
            }
            else if (path.IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0)
            {
                failures.Add("Storage:Embedded:Path contains characters that are not valid in a path.");
            }

            // SQLite's own timeout is in milliseconds, Microsoft.Data.Sqlite's in whole seconds.
            if (options.Embedded?.BusyTimeout is { } busy && (busy < TimeSpan.FromSeconds(1) || busy > TimeSpan.FromHours(1)))
            {
                failures.Add("Storage:Embedded:BusyTimeout must be between 00:00:01 and 01:00:00.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
