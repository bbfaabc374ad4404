using Microsoft.Data.Sqlite;

namespace MeetingBot.Storage.Embedded;

// Expired rows stay in the table until purged, so every read filters them out; purging only
// keeps the file from growing.
public sealed partial class EmbeddedDocumentStore
{
    private const string LiveFilter = "(expires_at IS NULL OR expires_at > @now)";

    // Purging is housekeeping only, so once a minute of the injected clock is plenty.
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromMinutes(1);

    private long _nextPurgeAt;

    private async Task PurgeExpiredIfDueAsync(SqliteConnection connection, long now)
    {
        var due = Interlocked.Read(ref _nextPurgeAt);
        if (now < due || Interlocked.CompareExchange(ref _nextPurgeAt, now + (long)PurgeInterval.TotalMilliseconds, due) != due)
        {
            return;
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM documents WHERE expires_at IS NOT NULL AND expires_at <= @now;";
            command.Parameters.AddWithValue("@now", now);
            // The caller's write has already committed, so its cancellation must not turn it into a failure.
            var purged = await command.ExecuteNonQueryAsync(CancellationToken.None);
            if (purged > 0)
            {
                LogPurged(_logger, purged);
            }
        }
        catch (SqliteException ex)
        {
            LogPurgeFailed(_logger, ex);
        }
    }
}
