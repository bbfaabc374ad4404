using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeetingBot.Channels.DirectLine;

/// <summary>
/// The in-memory conversation logs of this process, bounded in total by
/// <see cref="DirectLineOptions.MaxTotalTranscriptBytes"/>: past it the least recently used logs are
/// dropped. Logs idle for longer than <see cref="DirectLineOptions.IdleConversationLifetime"/> are
/// dropped too. Both run on access (the idle sweep at most once a minute), so no timer is needed; a
/// dropped log costs its page only the scroll-back.
/// </summary>
public sealed class ConversationLogs(IOptions<DirectLineOptions> options, TimeProvider time, ILogger<ConversationLogs> logger)
{
    /// <summary>What a log costs besides its activities, so that many empty logs count too.</summary>
    public const int LogOverheadBytes = 1024;

    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, ConversationLog> logs = new(StringComparer.Ordinal);
    private long nextSweepTicks;
    private long totalBytes;
    private int trimming;

    public int Count => logs.Count;

    /// <summary>What the logs of this process hold, counted as <see cref="DirectLineOptions.MaxTotalTranscriptBytes"/> counts it.</summary>
    public long TotalBytes => Interlocked.Read(ref totalBytes);

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
        var settings = options.Value;
        var fresh = new ConversationLog(conversationId, settings.MaxActivitiesPerConversation, settings.MaxTranscriptBytes, now, AddBytes);
        var log = logs.GetOrAdd(conversationId, fresh);
        created = ReferenceEquals(log, fresh);
        if (created)
        {
            AddBytes(LogOverheadBytes);
        }

        log.Touch(now);
        return log;
    }

    /// <summary>Drops the least recently used logs while the total is over its budget (to 90 % of it, so that this runs seldom).</summary>
    public void Trim()
    {
        var budget = options.Value.MaxTotalTranscriptBytes;
        if (TotalBytes <= budget || Interlocked.Exchange(ref trimming, 1) == 1)
        {
            return;
        }

        try
        {
            var dropped = 0;
            foreach (var (id, log) in logs.OrderBy(l => l.Value.LastUsed).ToArray())
            {
                if (TotalBytes <= budget * 9 / 10)
                {
                    break;
                }

                if (Remove(id, log))
                {
                    dropped++;
                }
            }

            if (dropped > 0)
            {
                Log.LogsOverBudgetDropped(logger, dropped, logs.Count);
            }
        }
        finally
        {
            Volatile.Write(ref trimming, 0);
        }
    }

    private void AddBytes(long bytes) => Interlocked.Add(ref totalBytes, bytes);

    private bool Remove(string id, ConversationLog log)
    {
        if (!logs.TryRemove(new KeyValuePair<string, ConversationLog>(id, log)))
        {
            return false;
        }

        AddBytes(-(log.Detach() + LogOverheadBytes));
        return true;
    }

    private DateTimeOffset Sweep()
    {
        Trim();
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
            if (log.LastUsed < cutoff && Remove(id, log))
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
