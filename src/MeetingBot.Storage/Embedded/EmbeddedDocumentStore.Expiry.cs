using Microsoft.Data.Sqlite;

namespace MeetingBot.Storage.Embedded;

// Expired rows stay in the table until purged, so every read filters them out; purging only
// keeps the file from growing.
public sealed partial class EmbeddedDocumentStore
{
    private const string LiveFilter = "(expires_at IS NULL OR expires_at > @now)";

    // Purging is housekeeping only, so once a minute of the injected clock is plenty.
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromMinutes(1);

    // Only the writer thread touches it.
    private long _nextPurgeAt;

    // Runs on the writer inside a group's transaction, so it never competes with the writes.
    private void PurgeExpiredIfDue(SqliteConnection connection)
    {
        var now = Now();
        if (now < _nextPurgeAt)
        {
            return;
        }

        _nextPurgeAt = now + (long)PurgeInterval.TotalMilliseconds;
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM documents WHERE expires_at IS NOT NULL AND expires_at <= @now;";
            command.Parameters.AddWithValue("@now", now);
            var purged = command.ExecuteNonQuery();
            if (purged > 0)
            {
                Log.Purged(_logger, purged);
            }
        }
        catch (SqliteException ex)
        {
            // A failed statement leaves the group's transaction open; its writes still commit.
            Log.PurgeFailed(_logger, ex);
        }
    }
}
