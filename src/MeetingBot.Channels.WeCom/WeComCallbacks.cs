using System.Collections.Concurrent;
using MeetingBot.Conversations;
using MeetingBot.Conversations.Outbound;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeetingBot.Channels.WeCom;

/// <summary>
/// Turns a decrypted callback into a channel-neutral turn and decides how its replies travel: the
/// 5-second rule (docs/protocols.md E.6). The callback waits up to WeCom:PassiveReplyBudget for the turn;
/// replies that are ready and fit one text message go back passively in the response (E.7); anything
/// later or longer, files, and a card (markdown, which no passive reply can carry) go out through
/// message/send (E.8) after an empty 200.
/// </summary>
public sealed class WeComCallbacks(
    TurnPipeline pipeline,
    WeComUserNames names,
    WeComMessenger messenger,
    OutboundWork background,
    IOptions<WeComOptions> options,
    TimeProvider time,
    ILogger<WeComCallbacks> logger)
{
    public const string ChannelId = "wecom";

    /// <summary>The corp a conversation's member belongs to, kept in its address.</summary>
    public const string CorpIdProperty = "corpId";

    /// <summary>
    /// WeCom delivers a message at most three times within about 15 seconds (E.6). A redelivery that
    /// arrives within this time, while the first is running or after, shares the first one's outcome
    /// and never starts a second turn or a second active send. Later ones, and ones reaching another
    /// instance, are recognised by the pipeline, which remembers activity ids in the store.
    /// </summary>
    private static readonly TimeSpan DeliveryMemory = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, Delivery> _deliveries = new(StringComparer.Ordinal);

    /// <summary>The text to reply passively, or null for an empty 200 (nothing to say, or sent actively).</summary>
    public async Task<string?> HandleAsync(WeComMessage message, CancellationToken cancellationToken)
    {
        var input = ToTurnInput(message, options.Value.CorpId);
        if (input is null)
        {
            Log.CallbackIgnored(logger, message.MsgType, message.Event);
            return null;
        }

        ForgetOldDeliveries();
        var key = input.ConversationId + "\n" + input.ActivityId;
        var candidate = new Delivery(time.GetUtcNow(), new Lazy<Task<string?>>(() => DeliverAsync(input)));
        var delivery = _deliveries.GetOrAdd(key, candidate);
        if (!ReferenceEquals(delivery, candidate))
        {
            Log.Redelivered(logger, input.ActivityId!);
        }

        try
        {
            return await delivery.Outcome.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A failed turn stored nothing; the error status makes WeCom deliver again, and that
            // delivery must run the turn again rather than share this failure.
            _deliveries.TryRemove(KeyValuePair.Create(key, delivery));
            throw;
        }
    }

    /// <summary>
    /// One conversation per member of the corp. Text is a message; opening the app (enter_agent) starts
    /// the conversation; pictures, voice, files and the like are answered as unsupported; other events
    /// are not the user talking to the bot and get no turn. Messages are identified by MsgId, events by
    /// FromUserName and CreateTime (E.6).
    /// </summary>
    public static TurnInput? ToTurnInput(WeComMessage message, string corpId)
    {
        TurnKind? kind = message switch
        {
            { MsgType: "text" } when !string.IsNullOrWhiteSpace(message.Content) => TurnKind.Message,
            { MsgType: "event", Event: "enter_agent" } => TurnKind.ConversationStarted,
            { MsgType: "text" or "event" } => null,
            _ => TurnKind.Unsupported,
        };
        if (kind is null)
        {
            return null;
        }

        var conversationId = corpId + ":" + message.FromUserName;
        return new TurnInput
        {
            ChannelId = ChannelId,
            ConversationId = conversationId,
            UserId = message.FromUserName,
            Address = new ConversationAddress(ChannelId, conversationId, message.FromUserName) { Properties = { [CorpIdProperty] = corpId } },
            ActivityId = message.MsgType != "event" && !string.IsNullOrEmpty(message.MsgId)
                ? message.MsgId
                : message.FromUserName + ":" + message.CreateTime,
            Kind = kind.Value,
            Text = kind == TurnKind.Message ? message.Content! : "",
        };
    }

    private async Task<string?> DeliverAsync(TurnInput input)
    {
        var turn = background.Run(ct => RunTurnAsync(input, ct));
        var budget = options.Value.PassiveReplyBudget;
        if (budget > TimeSpan.Zero)
        {
            try
            {
                var result = await turn.WaitAsync(budget, time);
                if (result.Outcome == TurnOutcome.Busy)
                {
                    // An error status makes WeCom deliver the message again a few seconds later.
                    throw new InvalidOperationException("The conversation is busy; WeCom is asked to deliver the message again.");
                }

                // A passive reply can only be text (E.7): a card goes out as markdown through message/send.
                var text = WeComMessenger.Joined(result.Replies);
                if (text.Length == 0 || (WeComText.ByteCount(text) <= WeComText.MaxMessageBytes && !result.Replies.Any(r => r.Attachments.Count > 0 || r.Card is not null)))
                {
                    return text.Length == 0 ? null : text;
                }

                if (!result.Duplicate)
                {
                    background.Track(messenger.DeliverAsync(input.Address!, result.Replies, background.Stopping));
                }

                return null;
            }
            catch (TimeoutException)
            {
                Log.SlowTurn(logger, budget);
            }
        }

        background.Track(SendWhenDoneAsync(input.Address!, turn));
        return null;
    }

    private async Task<TurnResult> RunTurnAsync(TurnInput input, CancellationToken cancellationToken)
    {
        var userName = input.Kind == TurnKind.Unsupported ? null : await names.FindAsync(input.UserId, cancellationToken);
        return await pipeline.ProcessAsync(input with { UserName = userName }, cancellationToken);
    }

    private async Task SendWhenDoneAsync(ConversationAddress address, Task<TurnResult> turn)
    {
        var result = await turn;
        // A duplicate's replies were sent when the activity was first processed.
        if (!result.Duplicate)
        {
            await messenger.DeliverAsync(address, result.Replies, background.Stopping);
        }
    }

    private void ForgetOldDeliveries()
    {
        var horizon = time.GetUtcNow() - DeliveryMemory;
        foreach (var (key, delivery) in _deliveries)
        {
            if (delivery.Received < horizon && delivery.Outcome.IsValueCreated && delivery.Outcome.Value.IsCompleted)
            {
                _deliveries.TryRemove(KeyValuePair.Create(key, delivery));
            }
        }
    }

    private sealed record Delivery(DateTimeOffset Received, Lazy<Task<string?>> Outcome);
}
