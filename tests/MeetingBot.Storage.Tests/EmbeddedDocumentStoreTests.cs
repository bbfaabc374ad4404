using System.Text.Json;
using MeetingBot.Storage.Embedded;
using MeetingBot.TestKit.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Xunit;

namespace MeetingBot.Storage.Tests;

public sealed class EmbeddedDocumentStoreTests : DocumentStoreContract, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"meetingbot-storage-{Guid.NewGuid():N}");
    private readonly List<IDisposable> _owned = [];

    private string DatabasePath => Path.Combine(_folder, "store.db");

    protected override Task<IDocumentStore> CreateStoreAsync(TimeProvider time) =>
        Task.FromResult<IDocumentStore>(Open(DatabasePath, time));

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Data_survives_disposing_and_reopening_the_store()
    {
        var key = new DocumentKey("restart", "会议 1");
        var first = Open(DatabasePath, Time);
        var created = await first.CreateAsync(new NewDocument(key, "meeting", Number(1)), CancellationToken.None);
        // Committed means visible to an unrelated connection as soon as the call has returned.
        Assert.Equal(1L, CountRows(DatabasePath));
        first.Dispose();

        var second = Open(DatabasePath, Time);
        var read = await second.ReadAsync(key, CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(created.ETag, read.ETag);
        Assert.Equal(1, read.Body.GetProperty("value").GetInt32());
        await second.ReplaceAsync(new NewDocument(key, "meeting", Number(2)), created.ETag, CancellationToken.None);
    }

    [Fact]
    public async Task Writes_still_queued_when_the_store_is_disposed_are_committed()
    {
        const int Writes = 50;
        var store = Open(DatabasePath, Time);

        var pending = Enumerable.Range(0, Writes)
            .Select(i => store.UpsertAsync(new NewDocument(new("shutdown", $"{i:D2}"), "answer", Number(i)), CancellationToken.None))
            .ToArray();
        store.Dispose();

        await Task.WhenAll(pending);
        Assert.Equal(Writes, CountRows(DatabasePath));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.UpsertAsync(new NewDocument(new("shutdown", "late"), "answer", Number(0)), CancellationToken.None));
    }

    [Fact]
    public async Task Bodies_are_stored_as_json_text_that_other_tools_can_read()
    {
        var store = Open(DatabasePath, Time);
        await store.UpsertAsync(new NewDocument(new("p", "i"), "answer", JsonSerializer.SerializeToElement(new { text = "学习不够深入" })), CancellationToken.None);

        using var connection = RawConnection(DatabasePath);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT typeof(body), json_extract(body, '$.text') FROM documents;";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal("text", reader.GetString(0));
        Assert.Equal("学习不够深入", reader.GetString(1));
    }

    [Fact]
    public async Task A_write_lock_held_elsewhere_past_the_busy_timeout_makes_the_store_unavailable_and_keeps_nothing()
    {
        var store = new EmbeddedDocumentStore(DatabasePath, Time, busyTimeout: TimeSpan.FromSeconds(1));
        _owned.Add(store);
        var key = new DocumentKey("locked", "answer");
        using var otherProcess = RawConnection(DatabasePath);
        Execute(otherProcess, "BEGIN IMMEDIATE;");

        var refused = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.UpsertAsync(new NewDocument(key, "answer", Number(1)), CancellationToken.None));

        Assert.IsType<SqliteException>(refused.InnerException);
        Execute(otherProcess, "ROLLBACK;");
        Assert.Null(await store.ReadAsync(key, CancellationToken.None));
        await store.UpsertAsync(new NewDocument(key, "answer", Number(2)), CancellationToken.None);
        Assert.Equal(2, (await store.ReadAsync(key, CancellationToken.None))!.Body.GetProperty("value").GetInt32());
    }

    [Fact]
    public async Task A_write_the_database_refuses_fails_alone_and_the_rest_of_its_group_commits()
    {
        var store = Open(DatabasePath, Time);
        using var otherProcess = RawConnection(DatabasePath);
        // The trigger stands in for any statement the database refuses (a constraint, a size limit).
        Execute(otherProcess, "CREATE TRIGGER refuse_poison BEFORE INSERT ON documents WHEN NEW.id = 'poison' BEGIN SELECT RAISE(ABORT, 'refused'); END;");
        // While another connection holds the write lock the writer waits, so the writes queue up
        // behind it and commit in one group; whatever the first group takes, the refused batch
        // shares its group with "before" or "after".
        Execute(otherProcess, "BEGIN IMMEDIATE;");

        var before = store.UpsertAsync(Answer("before", 1), CancellationToken.None);
        var refused = store.WriteBatchAsync([DocumentWrite.Upsert(Answer("first-of-batch", 1)), DocumentWrite.Upsert(Answer("poison", 1))], CancellationToken.None);
        var after = store.UpsertAsync(Answer("after", 1), CancellationToken.None);
        Execute(otherProcess, "ROLLBACK;");

        await Assert.ThrowsAsync<SqliteException>(() => refused);
        await Task.WhenAll(before, after);
        Assert.NotNull(await store.ReadAsync(new("group", "before"), CancellationToken.None));
        Assert.NotNull(await store.ReadAsync(new("group", "after"), CancellationToken.None));
        // The batch's own first write is undone with it.
        Assert.Null(await store.ReadAsync(new("group", "first-of-batch"), CancellationToken.None));
    }

    [Fact]
    public async Task A_batch_whose_condition_fails_is_rolled_back_alone_and_the_rest_of_its_group_commits()
    {
        var store = Open(DatabasePath, Time);
        var stale = await store.CreateAsync(Answer("state", 1), CancellationToken.None);
        await store.ReplaceAsync(Answer("state", 2), stale.ETag, CancellationToken.None);
        using var otherProcess = RawConnection(DatabasePath);
        Execute(otherProcess, "BEGIN IMMEDIATE;");

        var before = store.UpsertAsync(Answer("before", 1), CancellationToken.None);
        var failing = store.WriteBatchAsync([DocumentWrite.Upsert(Answer("draft", 1)), DocumentWrite.Replace(Answer("state", 3), stale.ETag)], CancellationToken.None);
        var after = store.UpsertAsync(Answer("after", 1), CancellationToken.None);
        Execute(otherProcess, "ROLLBACK;");

        await Assert.ThrowsAsync<DocumentPreconditionFailedException>(() => failing);
        await Task.WhenAll(before, after);
        Assert.Null(await store.ReadAsync(new("group", "draft"), CancellationToken.None));
        Assert.Equal(2, (await store.ReadAsync(new("group", "state"), CancellationToken.None))!.Body.GetProperty("value").GetInt32());
        Assert.Equal(3L, CountRows(DatabasePath));
    }

    [Fact]
    public void The_database_file_is_in_wal_mode()
    {
        Open(DatabasePath, Time);

        using var connection = RawConnection(DatabasePath);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", command.ExecuteScalar() as string);
    }

    [Fact]
    public void The_folder_of_the_database_file_is_created_when_missing()
    {
        var nested = Path.Combine(_folder, "a", "b", "store.db");

        var store = Open(nested, Time);

        Assert.True(File.Exists(nested));
        Assert.Equal(nested, store.DatabasePath);
    }

    [Fact]
    public async Task Expired_documents_are_purged_from_the_file()
    {
        var store = Open(DatabasePath, Time);
        await store.CreateAsync(new NewDocument(new("p", "transient"), "lock", Number(1), TimeSpan.FromSeconds(30)), CancellationToken.None);
        await store.CreateAsync(new NewDocument(new("p", "kept"), "lock", Number(2)), CancellationToken.None);
        Assert.Equal(2L, CountRows(DatabasePath));

        Time.Advance(TimeSpan.FromHours(1));
        await store.UpsertAsync(new NewDocument(new("p", "kept"), "lock", Number(3)), CancellationToken.None);

        Assert.Equal(1L, CountRows(DatabasePath));
    }

    [Theory]
    [InlineData("Storage:Embedded:Path", "")]
    [InlineData("Storage:Embedded:Path", "   ")]
    [InlineData("Storage:Embedded:BusyTimeout", "00:00:00")]
    [InlineData("Storage:Embedded:BusyTimeout", "00:00:00.500")]
    [InlineData("Storage:Embedded:BusyTimeout", "02:00:00")]
    public void Options_validation_rejects_an_unusable_setting_naming_the_key(string key, string value)
    {
        using var services = Services(new() { [key] = value });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_bind_from_the_storage_section_with_defaults()
    {
        using var defaults = Services([]);
        using var configured = Services(new() { ["Storage:Embedded:Path"] = "x/y.db" });

        var fallback = defaults.GetRequiredService<IOptions<EmbeddedStorageOptions>>().Value;
        Assert.Equal("data/meetingbot.db", fallback.Path);
        Assert.Equal(TimeSpan.FromSeconds(30), fallback.BusyTimeout);
        Assert.Equal("x/y.db", configured.GetRequiredService<IOptions<EmbeddedStorageOptions>>().Value.Path);
    }

    [Fact]
    public async Task A_relative_path_resolves_against_the_content_root()
    {
        using var services = Services(new() { ["Storage:Embedded:Path"] = "data/bot.db" }, _folder);
        services.GetRequiredService<IStartupValidator>().Validate();

        var store = services.GetRequiredService<IDocumentStore>();
        await store.UpsertAsync(new NewDocument(new("p", "i"), "k", Number(1)), CancellationToken.None);

        var embedded = Assert.IsType<EmbeddedDocumentStore>(store);
        Assert.Equal(Path.Combine(_folder, "data", "bot.db"), embedded.DatabasePath);
        Assert.True(File.Exists(embedded.DatabasePath));
    }

    [Fact]
    public void A_database_that_cannot_be_opened_stops_the_start_naming_the_path_and_the_setting()
    {
        // A folder where the file should be: SQLite cannot open it as a database.
        var path = Path.Combine(_folder, "taken");
        Directory.CreateDirectory(path);
        using var services = Services(new() { ["Storage:Embedded:Path"] = path });

        var ex = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<IDocumentStore>());

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:Embedded:Path", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Many_concurrent_writers_never_see_busy_errors()
    {
        const int Writers = 8;
        const int WritesPerWriter = 25;
        var store = Open(DatabasePath, Time);
        // A second store on the same file stands in for a second process sharing it.
        var other = Open(DatabasePath, Time);

        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var target = w % 2 == 0 ? store : other;
            for (var i = 0; i < WritesPerWriter; i++)
            {
                await target.UpsertAsync(new NewDocument(new($"w{w}", $"{i:D3}"), "load", Number(i)), CancellationToken.None);
            }
        }));
        await Task.WhenAll(writers);

        Assert.Equal((long)Writers * WritesPerWriter, CountRows(DatabasePath));
        Assert.Equal(WritesPerWriter, (await store.QueryPartitionAsync("w3", "load", CancellationToken.None)).Count);
    }

    private EmbeddedDocumentStore Open(string path, TimeProvider time)
    {
        var store = new EmbeddedDocumentStore(path, time);
        _owned.Add(store);
        return store;
    }

    private ServiceProvider Services(Dictionary<string, string?> settings, string? contentRoot = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        if (contentRoot is not null)
        {
            services.AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = contentRoot });
        }

        return services.AddEmbeddedStorage(Configuration(settings)).BuildServiceProvider();
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private static JsonElement Number(int value) => JsonSerializer.SerializeToElement(new { value });

    private static NewDocument Answer(string id, int value) => new(new("group", id), "answer", Number(value));

    // Unpooled, so the test never shares (or keeps alive) a connection of the store under test.
    private static SqliteConnection RawConnection(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long CountRows(string path)
    {
        using var connection = RawConnection(path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM documents;";
        return (long)command.ExecuteScalar()!;
    }
}
