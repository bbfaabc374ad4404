using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeetingBot.Channels.DirectLine;

/// <summary>
/// The in-memory conversation logs of this process. Logs idle for longer than
/// <see cref="DirectLineOptions.IdleConversationLifetime"/> are dropped; the sweep runs on access,
/// at most once a minute, so no timer is needed.
/// </summary>
public sealed class ConversationLogs(IOptions<DirectLineOptions> options, TimeProvider time, ILogger<ConversationLogs> logger)
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, ConversationLog> logs = new(StringComparer.Ordinal);
    private long nextSweepTicks;

    public int Count => logs.Count;

    public ConversationLog? Find(string conversationId)
    {
        var now = Sweep();
        if (!logs.TryGetValue(conversationId, out var log))
        {
            return null;
        }

        log.Touch(now);
        return log;
    }

    public ConversationLog GetOrAdd(string conversationId, out bool created)
    {
        var now = Sweep();
        var fresh = new ConversationLog(conversationId, options.Value.MaxActivitiesPerConversation, now);
        var log = logs.GetOrAdd(conversationId, fresh);
        created = ReferenceEquals(log, fresh);
        log.Touch(now);
        return log;
    }

    private DateTimeOffset Sweep()
    {
        var now = time.GetUtcNow();
        var due = Interlocked.Read(ref nextSweepTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref nextSweepTicks, (now + SweepInterval).UtcTicks, due) != due)
        {
            return now;
        }

        var cutoff = now - options.Value.IdleConversationLifetime;
        var dropped = 0;
        foreach (var (id, log) in logs)
        {
            if (log.LastUsed < cutoff && logs.TryRemove(new KeyValuePair<string, ConversationLog>(id, log)))
            {
                dropped++;
            }
        }

        if (dropped > 0)
        {
            Log.IdleLogsDropped(logger, dropped, logs.Count);
        }

        return now;
    }
}
