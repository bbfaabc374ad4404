using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace MeetingBot.Storage.Embedded;

/// <summary>
/// Runs every write of one store on one connection and thread, committing them in groups: the
/// writes that queue up while a transaction commits all go into the next one, so a single fsync
/// makes many of them durable. A caller's task completes only after the transaction holding its
/// write has committed, so "returned" still means "on disk".
/// </summary>
internal sealed class GroupCommitWriter : IDisposable
{
    // Bounds how long the first write of a group waits behind the others.
    private const int MaxGroupSize = 128;

    private readonly BlockingCollection<PendingWrite> _queue = [];
    private readonly SqliteConnection _connection;
    private readonly Action<SqliteConnection> _afterGroup;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly Thread _thread;

    /// <param name="connection">An open connection the writer owns from now on.</param>
    /// <param name="afterGroup">Housekeeping run inside each group's transaction, after its writes.</param>
    public GroupCommitWriter(SqliteConnection connection, Action<SqliteConnection> afterGroup)
    {
        _connection = connection;
        _afterGroup = afterGroup;
        // A thread of its own: fsync blocks, and a blocked thread-pool thread on a one-core host
        // would stall every request behind it until the pool grows.
        _thread = new Thread(Run) { IsBackground = true, Name = "Embedded store writer" };
        _thread.Start();
    }

    /// <summary>Queues a statement and completes with its changed-row count once it has committed.</summary>
    /// <param name="sql">The statement; each distinct text is prepared once and kept.</param>
    /// <param name="bind">Adds the statement's parameters; runs on the writer thread.</param>
    public Task<int> ExecuteAsync(string sql, Action<SqliteParameterCollection> bind)
    {
        var write = new PendingWrite(sql, bind, new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            _queue.Add(write);
        }
        catch (InvalidOperationException)
        {
            throw new ObjectDisposedException(nameof(EmbeddedDocumentStore));
        }

        return write.Completion.Task;
    }

    /// <summary>Commits what is queued, then closes the connection.</summary>
    public void Dispose()
    {
        _queue.CompleteAdding();
        _thread.Join();
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _connection.Dispose();
        _queue.Dispose();
    }

    private void Run()
    {
        var group = new List<PendingWrite>(MaxGroupSize);
        foreach (var first in _queue.GetConsumingEnumerable())
        {
            group.Add(first);
            while (group.Count < MaxGroupSize && _queue.TryTake(out var next))
            {
                group.Add(next);
            }

            Commit(group);
            group.Clear();
        }
    }

    private void Commit(List<PendingWrite> group)
    {
        var changed = new int[group.Count];
        try
        {
            Execute("BEGIN IMMEDIATE;");
            for (var i = 0; i < group.Count; i++)
            {
                var command = Command(group[i].Sql);
                command.Parameters.Clear();
                group[i].Bind(command.Parameters);
                changed[i] = command.ExecuteNonQuery();
            }

            _afterGroup(_connection);
            Execute("COMMIT;");
        }
        catch (Exception ex)
        {
            // Nothing of a failed group is kept, and every caller in it learns why.
            RollBack();
            foreach (var write in group)
            {
                write.Completion.TrySetException(ex);
            }

            return;
        }

        for (var i = 0; i < group.Count; i++)
        {
            group[i].Completion.TrySetResult(changed[i]);
        }
    }

    private void RollBack()
    {
        try
        {
            Execute("ROLLBACK;");
        }
        catch (SqliteException)
        {
            // SQLite may already have rolled the transaction back itself (or it never began).
        }
    }

    private void Execute(string sql) => Command(sql).ExecuteNonQuery();

    // Parsing and planning a statement costs more than running it; a command keeps its prepared
    // statement for as long as its text and connection stay the same.
    private SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }

        return command;
    }

    private sealed record PendingWrite(string Sql, Action<SqliteParameterCollection> Bind, TaskCompletionSource<int> Completion);
}
