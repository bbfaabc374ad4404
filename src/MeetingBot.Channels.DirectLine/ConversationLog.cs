using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MeetingBot.Channels.BotFramework;

namespace MeetingBot.Channels.DirectLine;

/// <summary>
/// The activities of one conversation as Web Chat reads them (docs/protocols.md D.3), in memory only and
/// bounded: the oldest are dropped past <paramref name="capacity"/> activities or
/// <paramref name="maxBytes"/> of their JSON (the newest is always kept), so no poll returns more.
/// Losing it (restart, eviction) loses only the scroll-back; the answers are in the conversation
/// state the pipeline stores.
/// </summary>
/// <remarks>
/// Each activity gets a sequence number = max(previous + 1, current UTC ticks). It is the watermark,
/// part of the id, and the timestamp. Being time-based, it keeps growing across restarts, so a page
/// that polls with a watermark from before a restart still gets everything written after it.
/// </remarks>
/// <param name="sizeChanged">Told every change of the log's size in bytes, for a budget over all logs; called under the log's lock.</param>
public sealed class ConversationLog(string conversationId, int capacity, int maxBytes, DateTimeOffset now, Action<long>? sizeChanged = null)
{
    private readonly Lock gate = new();
    private readonly Queue<(long Sequence, Activity Activity, int Bytes)> entries = new();
    private Action<long>? sizeChanged = sizeChanged;
    private long bytes;
    private long lastSequence;
    private long nextPendingCheckTicks;
    private long lastUsedTicks = now.UtcTicks;

    public string ConversationId { get; } = conversationId;

    internal DateTimeOffset LastUsed => new(Interlocked.Read(ref lastUsedTicks), TimeSpan.Zero);

    internal void Touch(DateTimeOffset now) => Interlocked.Exchange(ref lastUsedTicks, now.UtcTicks);

    /// <summary>The JSON size of the activities held.</summary>
    public long Bytes => Interlocked.Read(ref bytes);

    /// <summary>Stops telling size changes (the log left its budget); returns its size at that moment.</summary>
    internal long Detach()
    {
        lock (gate)
        {
            sizeChanged = null;
            return bytes;
        }
    }

    /// <summary>Whether it is time to look for replies waiting in the store; true on the first call, then once per interval.</summary>
    public bool PendingCheckDue(DateTimeOffset now, TimeSpan interval)
    {
        var due = Interlocked.Read(ref nextPendingCheckTicks);
        return now.UtcTicks >= due && Interlocked.CompareExchange(ref nextPendingCheckTicks, (now + interval).UtcTicks, due) == due;
    }

    /// <summary>Records an activity; <paramref name="stamp"/> receives the id and timestamp to give it.</summary>
    public Activity Append(DateTimeOffset now, Func<string, DateTimeOffset, Activity> stamp)
    {
        lock (gate)
        {
            var sequence = NextSequence(now);
            var activity = stamp(IdOf(sequence), TimestampOf(sequence));
            var size = JsonSerializer.SerializeToUtf8Bytes(activity, BotFrameworkJsonContext.Default.Activity).Length;
            entries.Enqueue((sequence, activity, size));
            var change = (long)size;
            while (entries.Count > capacity || (bytes + change > maxBytes && entries.Count > 1))
            {
                change -= entries.Dequeue().Bytes;
            }

            Interlocked.Add(ref bytes, change);
            sizeChanged?.Invoke(change);
            return activity;
        }
    }

    /// <summary>An id and timestamp for an activity the client never sees (conversationUpdate, typing).</summary>
    public (string Id, DateTimeOffset Timestamp) Reserve(DateTimeOffset now)
    {
        lock (gate)
        {
            var sequence = NextSequence(now);
            return (IdOf(sequence), TimestampOf(sequence));
        }
    }

    /// <summary>
    /// The activities after <paramref name="watermark"/>; empty or unreadable means from the start
    /// (as the Emulator does). With nothing new the client's watermark is echoed, never lowered.
    /// </summary>
    public ActivitySet After(string? watermark)
    {
        var after = long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        lock (gate)
        {
            var activities = new List<Activity>();
            var last = 0L;
            foreach (var (sequence, activity, _) in entries)
            {
                if (sequence > after)
                {
                    activities.Add(activity);
                    last = sequence;
                }
            }

            var next = activities.Count > 0 ? last : Math.Max(after, lastSequence);
            return new ActivitySet(activities, next > 0 ? next.ToString(CultureInfo.InvariantCulture) : null);
        }
    }

    /// <summary>The recorded activity the client tagged with <paramref name="clientActivityId"/>, if still held.</summary>
    public Activity? FindByClientActivityId(string clientActivityId)
    {
        lock (gate)
        {
            foreach (var (_, activity, _) in entries)
            {
                if (ClientActivityIdOf(activity) == clientActivityId)
                {
                    return activity;
                }
            }

            return null;
        }
    }

    /// <summary>Whether the log holds a reply to the activity of that id.</summary>
    public bool HasRepliesTo(string activityId)
    {
        lock (gate)
        {
            foreach (var (_, activity, _) in entries)
            {
                if (activity.ReplyToId == activityId)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// The id of the echo of a post Web Chat tagged with <paramref name="clientActivityId"/>: the same
    /// for every repeat of that post, on any instance and after a restart (D.5).
    /// </summary>
    public string EchoIdOf(string clientActivityId) =>
        ConversationId + "|c_" + Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(clientActivityId)).AsSpan(0, 16));

    /// <summary>Web Chat's own id for an activity it posted (docs/protocols.md D.5).</summary>
    public static string? ClientActivityIdOf(Activity activity) =>
        activity.ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("clientActivityID", out var id)
        && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;

    private long NextSequence(DateTimeOffset now) => lastSequence = Math.Max(lastSequence + 1, now.UtcTicks);

    private string IdOf(long sequence) => ConversationId + "|" + sequence.ToString(CultureInfo.InvariantCulture);

    private static DateTimeOffset TimestampOf(long sequence) => new(sequence, TimeSpan.Zero);
}
