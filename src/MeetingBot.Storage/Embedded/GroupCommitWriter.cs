using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace MeetingBot.Storage.Embedded;

/// <summary>
/// Runs every write of one store on one connection and thread, committing them in groups: the
/// units of work that queue up while a transaction commits all go into the next one, so a single
/// fsync makes many of them durable. A unit (one store call: a single write or a batch) runs under
/// a savepoint of its own inside the group's transaction, so a unit that fails is rolled back alone
/// while the rest of its group still commits. A caller's task completes only after the transaction
/// holding its unit has committed, so "returned" still means "on disk".
/// </summary>
internal sealed class GroupCommitWriter : IDisposable
{
    // Bounds how long the first write of a group waits behind the others.
    private const int MaxGroupSize = 128;

    // ROLLBACK TO keeps the savepoint open; RELEASE then ends it.
    private const string RollBackUnit = "ROLLBACK TO unit; RELEASE unit;";

    private readonly BlockingCollection<PendingUnit> _queue = [];
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

    /// <summary>
    /// Queues a unit of statements, run in order. Completes with null once the unit has committed,
    /// or with the index of the first statement that had to change a row and changed none; then
    /// nothing of the unit was kept. A statement that fails fails its unit alone.
    /// </summary>
    public Task<int?> ExecuteAsync(IReadOnlyList<WriteStatement> unit)
    {
        var pending = new PendingUnit(unit, new TaskCompletionSource<int?>(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            _queue.Add(pending);
        }
        catch (InvalidOperationException)
        {
            throw new ObjectDisposedException(nameof(EmbeddedDocumentStore));
        }

        return pending.Completion.Task;
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
        var group = new List<PendingUnit>(MaxGroupSize);
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

    private void Commit(List<PendingUnit> group)
    {
        var failedAt = new int?[group.Count];
        var failures = new SqliteException?[group.Count];
        try
        {
            Execute("BEGIN IMMEDIATE;");
            for (var i = 0; i < group.Count; i++)
            {
                Execute("SAVEPOINT unit;");
                try
                {
                    failedAt[i] = Run(group[i].Statements);
                    Execute(failedAt[i] is null ? "RELEASE unit;" : RollBackUnit);
                }
                catch (SqliteException ex)
                {
                    // Most errors undo just the failing statement and leave the transaction open;
                    // the unit's earlier statements are undone here. Some (a full disk, an I/O
                    // error) end the whole transaction, and then the whole group fails with them.
                    if (!TryRollBackUnit())
                    {
                        throw;
                    }

                    failures[i] = ex;
                }
            }

            _afterGroup(_connection);
            Execute("COMMIT;");
        }
        catch (Exception ex)
        {
            // The transaction itself failed (it could not begin or commit, or an error ended it):
            // nothing of the group is kept, and every caller in it learns why.
            RollBack();
            foreach (var unit in group)
            {
                unit.Completion.TrySetException(ex);
            }

            return;
        }

        for (var i = 0; i < group.Count; i++)
        {
            if (failures[i] is { } failure)
            {
                group[i].Completion.TrySetException(failure);
            }
            else
            {
                group[i].Completion.TrySetResult(failedAt[i]);
            }
        }
    }

    // The index of the first statement that had to change a row and changed none, or null.
    private int? Run(IReadOnlyList<WriteStatement> statements)
    {
        for (var i = 0; i < statements.Count; i++)
        {
            var command = Command(statements[i].Sql);
            command.Parameters.Clear();
            statements[i].Bind(command.Parameters);
            if (command.ExecuteNonQuery() == 0 && statements[i].MustChangeARow)
            {
                return i;
            }
        }

        return null;
    }

    // Undoes the current unit; false when there is no transaction left to undo it in.
    private bool TryRollBackUnit()
    {
        try
        {
            Execute(RollBackUnit);
            return true;
        }
        catch (SqliteException)
        {
            return false;
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

    private sealed record PendingUnit(IReadOnlyList<WriteStatement> Statements, TaskCompletionSource<int?> Completion);
}

/// <summary>A statement of a unit of <see cref="GroupCommitWriter"/>.</summary>
/// <param name="Sql">The statement; each distinct text is prepared once and kept.</param>
/// <param name="Bind">Adds the statement's parameters; runs on the writer thread.</param>
/// <param name="MustChangeARow">Whether the unit stands only if this statement changes a row (a condition in its WHERE).</param>
internal sealed record WriteStatement(string Sql, Action<SqliteParameterCollection> Bind, bool MustChangeARow = false);
