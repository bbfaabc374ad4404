using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MeetingBot.Storage.Embedded;

/// <summary>
/// <see cref="IDocumentStore"/> on a single SQLite file, for running without Cosmos DB.
/// Every write is a single statement, and every write call (one write, or a batch of them) is one
/// unit of the writer, atomic and durable when the call returns (units are committed in groups,
/// see <see cref="GroupCommitWriter"/>); optimistic concurrency and "create only if absent or
/// expired" are decided inside each statement, never by a read followed by a write.
/// </summary>
public sealed partial class EmbeddedDocumentStore : IDocumentStore, IDisposable
{
    /// <summary>How long a write waits for another process's write lock unless told otherwise.</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(30);

    // SQLite result codes that describe the moment (locks, disk, memory), not the data. They turn
    // into StoreUnavailableException, which asks the user to try again; every write is part of one
    // transaction, so nothing of a failed one was kept.
    private static readonly FrozenSet<int> MomentaryErrors = FrozenSet.Create(
        5 /* BUSY */, 6 /* LOCKED */, 7 /* NOMEM */, 8 /* READONLY */, 10 /* IOERR */, 13 /* FULL */, 14 /* CANTOPEN */, 15 /* PROTOCOL */);

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS documents (
            partition_key TEXT NOT NULL,
            id TEXT NOT NULL,
            kind TEXT NOT NULL,
            body TEXT NOT NULL,
            etag TEXT NOT NULL,
            expires_at INTEGER NULL,
            PRIMARY KEY (partition_key, id)
        );
        CREATE INDEX IF NOT EXISTS ix_documents_partition_kind ON documents (partition_key, kind, id);
        CREATE INDEX IF NOT EXISTS ix_documents_expires_at ON documents (expires_at) WHERE expires_at IS NOT NULL;
        """;

    // An expired row still occupies the primary key, so a create overwrites it in place; a live one is left alone.
    private const string CreateSql = """
        INSERT INTO documents (partition_key, id, kind, body, etag, expires_at)
        VALUES (@pk, @id, @kind, CAST(@body AS TEXT), @etag, @expiresAt)
        ON CONFLICT (partition_key, id) DO UPDATE SET
            kind = excluded.kind, body = excluded.body, etag = excluded.etag, expires_at = excluded.expires_at
        WHERE documents.expires_at IS NOT NULL AND documents.expires_at <= @now;
        """;

    private const string ReplaceSql = $"""
        UPDATE documents SET kind = @kind, body = CAST(@body AS TEXT), etag = @etag, expires_at = @expiresAt
        WHERE partition_key = @pk AND id = @id AND etag = @ifMatch AND {LiveFilter};
        """;

    private const string UpsertSql = """
        INSERT INTO documents (partition_key, id, kind, body, etag, expires_at)
        VALUES (@pk, @id, @kind, CAST(@body AS TEXT), @etag, @expiresAt)
        ON CONFLICT (partition_key, id) DO UPDATE SET
            kind = excluded.kind, body = excluded.body, etag = excluded.etag, expires_at = excluded.expires_at;
        """;

    private readonly GroupCommitWriter _writer;
    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private volatile bool _disposed;

    /// <summary>Opens (creating when missing) the database file and its folder.</summary>
    /// <param name="databasePath">Path of the SQLite file; relative paths resolve against the current directory.</param>
    /// <param name="timeProvider">Clock for time to live.</param>
    /// <param name="logger">Optional logger; document bodies are never logged.</param>
    /// <param name="busyTimeout">How long a write waits for another process's write lock; <see cref="DefaultBusyTimeout"/> unless given.</param>
    public EmbeddedDocumentStore(string databasePath, TimeProvider timeProvider, ILogger<EmbeddedDocumentStore>? logger = null, TimeSpan? busyTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        ArgumentNullException.ThrowIfNull(timeProvider);

        DatabasePath = Path.GetFullPath(databasePath);
        var busy = busyTimeout ?? DefaultBusyTimeout;
        _time = timeProvider;
        _logger = logger ?? NullLogger<EmbeddedDocumentStore>.Instance;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            // Microsoft.Data.Sqlite retries busy errors for up to this many seconds.
            DefaultTimeout = (int)Math.Ceiling(busy.TotalSeconds),
        }.ToString();

        var folder = Path.GetDirectoryName(DatabasePath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            // FULL: in WAL mode one fsync of the WAL per commit, which keeps a committed write across
            // power loss; NORMAL would only survive a process crash. Group commit shares that fsync.
            // The busy timeout lets SQLite itself wait for another process's write lock.
            command.CommandText = $"PRAGMA synchronous = FULL; PRAGMA busy_timeout = {(long)busy.TotalMilliseconds};";
            command.ExecuteNonQuery();

            // WAL lets readers run beside the single writer; the mode is stored in the file itself.
            command.CommandText = "PRAGMA journal_mode = WAL;";
            var journalMode = Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (!string.Equals(journalMode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"The database '{DatabasePath}' could not be switched to WAL journal mode (it reports '{journalMode}').");
            }

            command.CommandText = Schema;
            command.ExecuteNonQuery();
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        _writer = new GroupCommitWriter(connection, PurgeExpiredIfDue);
        Log.Opened(_logger, DatabasePath);
    }

    /// <summary>Absolute path of the database file.</summary>
    public string DatabasePath { get; }

    public async Task<StoredDocument?> ReadAsync(DocumentKey key, CancellationToken cancellationToken)
    {
        DocumentValidation.ValidateKey(key);
        return await UnavailableOnMomentaryErrors(ReadCoreAsync(key, cancellationToken));
    }

    private async Task<StoredDocument?> ReadCoreAsync(DocumentKey key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT kind, body, etag FROM documents WHERE partition_key = @pk AND id = @id AND {LiveFilter};";
        AddKey(command.Parameters, key);
        command.Parameters.AddWithValue("@now", Now());

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new StoredDocument(key, reader.GetString(0), ParseBody(reader.GetFieldValue<byte[]>(1)), reader.GetString(2));
    }

    public async Task<StoredDocument> CreateAsync(NewDocument document, CancellationToken cancellationToken) =>
        (await WriteBatchAsync([DocumentWrite.Create(document)], cancellationToken))[0];

    public async Task<StoredDocument> ReplaceAsync(NewDocument document, string ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ifMatch);
        return (await WriteBatchAsync([DocumentWrite.Replace(document, ifMatch)], cancellationToken))[0];
    }

    public async Task<StoredDocument> UpsertAsync(NewDocument document, CancellationToken cancellationToken) =>
        (await WriteBatchAsync([DocumentWrite.Upsert(document)], cancellationToken))[0];

    // A batch is queued only if the caller still wants it; once queued it is committed whatever
    // happens to the caller, so an answer is never half-stored because a request was aborted.
    public async Task<IReadOnlyList<StoredDocument>> WriteBatchAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken)
    {
        DocumentValidation.ValidateBatch(writes);
        cancellationToken.ThrowIfCancellationRequested();
        var now = Now();
        var statements = new WriteStatement[writes.Count];
        var stored = new StoredDocument[writes.Count];
        for (var i = 0; i < writes.Count; i++)
        {
            (statements[i], stored[i]) = Prepare(writes[i], now);
        }

        if (await UnavailableOnMomentaryErrors(_writer.ExecuteAsync(statements)) is { } failed)
        {
            throw ConditionFailed(writes[failed]);
        }

        foreach (var write in writes)
        {
            Log.Written(_logger, write.Kind, write.Document.Key.PartitionKey, write.Document.Key.Id);
        }

        return stored;
    }

    public async Task DeleteAsync(DocumentKey key, CancellationToken cancellationToken)
    {
        DocumentValidation.ValidateKey(key);
        cancellationToken.ThrowIfCancellationRequested();
        await UnavailableOnMomentaryErrors(_writer.ExecuteAsync(
            [new WriteStatement("DELETE FROM documents WHERE partition_key = @pk AND id = @id;", parameters => AddKey(parameters, key))]));
        Log.Deleted(_logger, key.PartitionKey, key.Id);
    }

    public async Task<IReadOnlyList<StoredDocument>> QueryPartitionAsync(string partitionKey, string kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        ArgumentNullException.ThrowIfNull(kind);
        return await UnavailableOnMomentaryErrors(QueryPartitionCoreAsync(partitionKey, kind, cancellationToken));
    }

    private async Task<IReadOnlyList<StoredDocument>> QueryPartitionCoreAsync(string partitionKey, string kind, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // BINARY collation orders by UTF-8 bytes, i.e. by code point, independent of culture.
        command.CommandText = $"""
            SELECT id, body, etag FROM documents
            WHERE partition_key = @pk AND kind = @kind AND {LiveFilter}
            ORDER BY id COLLATE BINARY;
            """;
        command.Parameters.AddWithValue("@pk", partitionKey);
        command.Parameters.AddWithValue("@kind", kind);
        command.Parameters.AddWithValue("@now", Now());

        var results = new List<StoredDocument>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = new DocumentKey(partitionKey, reader.GetString(0));
            results.Add(new StoredDocument(key, kind, ParseBody(reader.GetFieldValue<byte[]>(1)), reader.GetString(2)));
        }

        return results;
    }

    /// <summary>Commits the queued writes, then drops the connections so the file is released.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _writer.Dispose();
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    // The statement of one write, and the document it stores. Creates and replaces must change a
    // row: a create changes none when a live document holds the key, a replace when the ETag differs.
    private static (WriteStatement Statement, StoredDocument Stored) Prepare(DocumentWrite write, long now)
    {
        var document = write.Document;
        var etag = NewETag();
        // The body goes in and comes out as the UTF-8 bytes SQLite keeps (the SQL casts them to TEXT),
        // never through a .NET string.
        var body = JsonMarshal.GetRawUtf8Value(document.Body).ToArray();
        var statement = new WriteStatement(
            write.Kind switch
            {
                DocumentWriteKind.Create => CreateSql,
                DocumentWriteKind.Replace => ReplaceSql,
                _ => UpsertSql,
            },
            parameters =>
            {
                AddKey(parameters, document.Key);
                parameters.AddWithValue("@kind", document.Kind);
                parameters.AddWithValue("@body", body);
                parameters.AddWithValue("@etag", etag);
                parameters.AddWithValue("@expiresAt", document.TimeToLive is { } ttl ? now + (long)ttl.TotalMilliseconds : DBNull.Value);
                parameters.AddWithValue("@now", now);
                if (write.IfMatch is { } ifMatch)
                {
                    parameters.AddWithValue("@ifMatch", ifMatch);
                }
            },
            MustChangeARow: write.Kind != DocumentWriteKind.Upsert);
        return (statement, new StoredDocument(document.Key, document.Kind, document.Body.Clone(), etag));
    }

    private Exception ConditionFailed(DocumentWrite write)
    {
        var key = write.Document.Key;
        if (write.Kind == DocumentWriteKind.Create)
        {
            Log.CreateConflict(_logger, write.Document.Kind);
            Log.KeyConflict(_logger, key.PartitionKey, key.Id);
            return new DocumentConflictException(key);
        }

        Log.PreconditionFailed(_logger, write.Document.Kind);
        Log.KeyPreconditionFailed(_logger, key.PartitionKey, key.Id);
        return new DocumentPreconditionFailedException(key);
    }

    private static async Task<T> UnavailableOnMomentaryErrors<T>(Task<T> operation)
    {
        try
        {
            return await operation;
        }
        catch (SqliteException e) when (MomentaryErrors.Contains(e.SqliteErrorCode & 0xFF))
        {
            throw new StoreUnavailableException($"The embedded database could not serve the call (SQLite error {e.SqliteErrorCode}).", innerException: e);
        }
    }

    // Readers need no per-connection settings: WAL readers do not wait for the writer, and the
    // command timeout covers the rare busy moment of a checkpoint.
    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    // Shaped like a Cosmos DB ETag (a quoted opaque value) so callers treat both stores alike.
    private static string NewETag() => $"\"{Guid.NewGuid():D}\"";

    private static JsonElement ParseBody(byte[] utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        return JsonElement.ParseValue(ref reader);
    }

    private static void AddKey(SqliteParameterCollection parameters, DocumentKey key)
    {
        parameters.AddWithValue("@pk", key.PartitionKey);
        parameters.AddWithValue("@id", key.Id);
    }
}
