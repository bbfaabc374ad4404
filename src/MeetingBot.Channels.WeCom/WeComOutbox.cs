using MeetingBot.Conversations.Outbound;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeetingBot.Channels.WeCom;

/// <summary>
/// Active sending (message/send), one lane per member: messages go out in order and at most
/// <see cref="MessagesPerUserPerMinute"/> in any 60 seconds, because WeCom silently drops what an
/// app sends a member beyond that (docs/protocols.md E.9). Excess messages wait in the lane; none is dropped.
/// </summary>
public sealed class WeComOutbox(
    IServiceProvider services,
    OutboundWork background,
    TimeProvider time,
    ILogger<WeComOutbox> logger)
{
    public const int MessagesPerUserPerMinute = 30;

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);

    /// <summary>
    /// Queues the parts of one reply for a member. The task completes when every part was sent, or
    /// when a part failed for good (logged by errcode); then the remaining parts are not sent, as a
    /// draft with a gap in the middle would mislead.
    /// </summary>
    public Task SendAsync(string userId, IReadOnlyList<string> parts) => SendAsync(userId, parts.Select(p => (WeComOutgoing)new WeComOutgoing.Text(p)).ToArray());

    /// <summary>Queues the messages of one reply for a member: text and markdown parts and files, each one message of the member's limit.</summary>
    public Task SendAsync(string userId, IReadOnlyList<WeComOutgoing> parts)
    {
        var item = new Pending(parts);
        lock (_lanes)
        {
            ForgetIdleLanes();
            if (!_lanes.TryGetValue(userId, out var lane))
            {
                _lanes[userId] = lane = new Lane();
            }

            lane.Queue.Enqueue(item);
            if (!lane.Draining)
            {
                lane.Draining = true;
                background.Track(Task.Run(() => DrainAsync(userId, lane)));
            }
        }

        return item.Done.Task;
    }

    private async Task DrainAsync(string userId, Lane lane)
    {
        while (true)
        {
            Pending? item;
            lock (_lanes)
            {
                if (!lane.Queue.TryDequeue(out item))
                {
                    lane.Draining = false;
                    return;
                }
            }

            try
            {
                await SendPartsAsync(userId, lane, item.Parts, background.Stopping);
            }
#pragma warning disable CA1031 // The reply is lost either way; the lane must go on with the member's next reply.
            catch (Exception e)
#pragma warning restore CA1031
            {
                if (e is WeComApiException api)
                {
                    Log.SendFailed(logger, api.ErrCode, item.Parts.Count);
                }
                else
                {
                    Log.SendError(logger, e.GetType().Name, item.Parts.Count);
                }
            }
            finally
            {
                item.Done.TrySetResult();
            }
        }
    }

    private async Task SendPartsAsync(string userId, Lane lane, IReadOnlyList<WeComOutgoing> parts, CancellationToken cancellationToken)
    {
        foreach (var part in parts)
        {
            await WaitForSlotAsync(lane, cancellationToken);
            // Typed HTTP clients are transient: a fresh one per message, never one held by this singleton.
            var client = services.GetRequiredService<WeComApiClient>();
            _ = part switch
            {
                WeComOutgoing.Text text => await client.SendTextAsync(userId, text.Content, cancellationToken),
                WeComOutgoing.Markdown markdown => await client.SendMarkdownAsync(userId, markdown.Content, cancellationToken),
                WeComOutgoing.File file => await client.SendFileAsync(userId, file.Name, file.MediaType, file.Content, cancellationToken),
                _ => throw new InvalidOperationException($"Unknown outgoing message {part.GetType().Name}."),
            };
            lane.Sent.Enqueue(time.GetUtcNow());
        }
    }

    /// <summary>Waits until fewer than the limit were sent in the last minute (sliding window, the stricter reading of E.9).</summary>
    private async Task WaitForSlotAsync(Lane lane, CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = time.GetUtcNow();
            while (lane.Sent.TryPeek(out var oldest) && oldest <= now - Window)
            {
                lane.Sent.Dequeue();
            }

            if (lane.Sent.Count < MessagesPerUserPerMinute)
            {
                return;
            }

            var wait = lane.Sent.Peek() + Window - now;
            Log.RateLimited(logger, lane.Queue.Count + 1, wait);
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>A lane is kept while it remembers sends of the last minute; after that it holds nothing worth keeping.</summary>
    private void ForgetIdleLanes()
    {
        var horizon = time.GetUtcNow() - Window;
        foreach (var (userId, lane) in _lanes.Where(l => !l.Value.Draining).ToArray())
        {
            if (lane.Sent.Count == 0 || lane.Sent.Last() <= horizon)
            {
                _lanes.Remove(userId);
            }
        }
    }

    private sealed class Lane
    {
        public Queue<Pending> Queue { get; } = new();

        /// <summary>When the latest messages went out, oldest first; touched only by the lane's drain.</summary>
        public Queue<DateTimeOffset> Sent { get; } = new();

        public bool Draining { get; set; }
    }

    private sealed record Pending(IReadOnlyList<WeComOutgoing> Parts)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>One message the outbox sends a member: a text part, a markdown part, or a file (uploaded, then sent).</summary>
public abstract record WeComOutgoing
{
    private WeComOutgoing()
    {
    }

    public sealed record Text(string Content) : WeComOutgoing;

    public sealed record Markdown(string Content) : WeComOutgoing;

    public sealed record File(string Name, string MediaType, byte[] Content) : WeComOutgoing;
}
