using MeetingBot.Storage.Embedded;
using Microsoft.Extensions.Options;

namespace MeetingBot.Storage;

/// <summary>The "Storage:Embedded" configuration section: the SQLite file the bot runs on without a cloud store.</summary>
public sealed class EmbeddedStorageOptions
{
    public const string SectionName = "Storage:Embedded";

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
internal sealed class EmbeddedStorageOptionsValidator : IValidateOptions<EmbeddedStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, EmbeddedStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var path = options.Path;
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
        if (options.BusyTimeout < TimeSpan.FromSeconds(1) || options.BusyTimeout > TimeSpan.FromHours(1))
        {
            failures.Add("Storage:Embedded:BusyTimeout must be between 00:00:01 and 01:00:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
