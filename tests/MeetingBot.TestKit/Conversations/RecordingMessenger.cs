using System.Collections.Concurrent;
using MeetingBot.Conversations;
using MeetingBot.Conversations.Outbound;

namespace MeetingBot.TestKit.Conversations;

/// <summary>A messenger for every channel that keeps what the bot sent without being asked, and when; it refuses the conversations told to fail.</summary>
public sealed class RecordingMessenger(TimeProvider time) : IOutboundMessenger
{
    public ConcurrentQueue<(ConversationAddress Address, IReadOnlyList<BotReply> Replies, DateTimeOffset At)> Delivered { get; } = new();

    /// <summary>Conversations whose deliveries fail, as a channel that refuses them would.</summary>
    public ConcurrentDictionary<string, bool> Failing { get; } = new();

    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string? ChannelId => null;

    /// <summary>Completes at the next delivery (10 s of real time at most).</summary>
    public Task NextDeliveryAsync() => Volatile.Read(ref _next).Task.WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>The texts delivered to one conversation, in order.</summary>
    public IReadOnlyList<string> TextsTo(string conversationId) =>
        [.. Delivered.Where(d => d.Address.ConversationId == conversationId).SelectMany(d => d.Replies.Select(r => r.Text))];

    public Task DeliverAsync(ConversationAddress address, IReadOnlyList<BotReply> replies, CancellationToken cancellationToken)
    {
        if (Failing.ContainsKey(address.ConversationId))
        {
            throw new HttpRequestException("The stand-in channel refused the delivery.");
        }

        Delivered.Enqueue((address, replies, time.GetUtcNow()));
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        return Task.CompletedTask;
    }
}
