using System.Collections.Concurrent;
using MeetingBot.Conversations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeetingBot.Channels.WeCom;

/// <summary>
/// Turns a decrypted callback into a channel-neutral turn and decides how its replies travel: the
/// 5-second rule (protocols.md E.6). The callback waits up to WeCom:PassiveReplyBudget for the turn;
/// replies that are ready and fit one message go back passively in the response (E.7); anything
/// later or longer goes out through message/send (E.8) after an empty 200.
/// </summary>
public sealed partial class WeComCallbacks(
    TurnPipeline pipeline,
    WeComUserNames names,
    WeComOutbox outbox,
    WeComBackgroundWork background,
    IOptions<WeComOptions> options,
    TimeProvider time,
    ILogger<WeComCallbacks> logger)
{
    public const string ChannelId = "wecom";

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
            LogIgnored(logger, message.MsgType, message.Event);
            return null;
        }

        ForgetOldDeliveries();
        var key = input.ConversationId + "\n" + input.ActivityId;
        var candidate = new Delivery(time.GetUtcNow(), new Lazy<Task<string?>>(() => DeliverAsync(input)));
        var delivery = _deliveries.GetOrAdd(key, candidate);
        if (!ReferenceEquals(delivery, candidate))
        {
            LogRedelivered(logger, input.ActivityId!);
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

        return new TurnInput
        {
            ChannelId = ChannelId,
            ConversationId = corpId + ":" + message.FromUserName,
            UserId = message.FromUserName,
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
                var text = Joined(result);
                if (text.Length == 0 || WeComText.ByteCount(text) <= WeComText.MaxMessageBytes)
                {
                    return text.Length == 0 ? null : text;
                }

                if (!result.Duplicate)
                {
                    background.Track(outbox.SendAsync(input.UserId, WeComText.Split(text)));
                }

                return null;
            }
            catch (TimeoutException)
            {
                LogSlowTurn(logger, budget);
            }
        }

        background.Track(SendWhenDoneAsync(input.UserId, turn));
        return null;
    }

    private async Task<TurnResult> RunTurnAsync(TurnInput input, CancellationToken cancellationToken)
    {
        var userName = input.Kind == TurnKind.Unsupported ? null : await names.FindAsync(input.UserId, cancellationToken);
        return await pipeline.ProcessAsync(input with { UserName = userName }, cancellationToken);
    }

    private async Task SendWhenDoneAsync(string userId, Task<TurnResult> turn)
    {
        var result = await turn;
        // A duplicate's replies were sent when the activity was first processed.
        if (!result.Duplicate && Joined(result) is { Length: > 0 } text)
        {
            await outbox.SendAsync(userId, WeComText.Split(text));
        }
    }

    /// <summary>The replies of a turn as one text: WeCom has no buttons, and the numbered choices are in the text already.</summary>
    private static string Joined(TurnResult result) => string.Join(WeComText.ReplySeparator, result.Replies.Select(r => r.Text));

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

    [LoggerMessage(Level = LogLevel.Debug, Message = "WeCom callback {MsgType} {Event} needs no turn")]
    private static partial void LogIgnored(ILogger logger, string msgType, string? @event);

    [LoggerMessage(Level = LogLevel.Information, Message = "WeCom delivered {ActivityId} again; it shares the first delivery's outcome")]
    private static partial void LogRedelivered(ILogger logger, string activityId);

    [LoggerMessage(Level = LogLevel.Information, Message = "The turn took longer than {Budget}; its replies go out through message/send")]
    private static partial void LogSlowTurn(ILogger logger, TimeSpan budget);
}
