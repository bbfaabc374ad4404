using System.Collections.Concurrent;
using MeetingBot.Channels.BotFramework;
using MeetingBot.Conversations;
using MeetingBot.Conversations.Outbound;
using MeetingBot.Meetings;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeetingBot.Channels.DirectLine;

/// <summary>The outcome of a post: the id given to the user's activity, and how the bot's turn went.</summary>
public sealed record PostOutcome(string Id, PostResult Result);

public enum PostResult
{
    /// <summary>The bot answered; its replies are in the log.</summary>
    Answered,

    /// <summary>The conversation is too busy; nothing ran (503 with Retry-After).</summary>
    Busy,

    /// <summary>The bot's turn failed (502).</summary>
    Failed,
}

/// <summary>
/// The channel side of the local Direct Line: stamps what Web Chat posts the way the Direct Line
/// service would, records it (the echo Web Chat waits for, D.5), runs the bot turn in-process and
/// records the replies. Replies are in the log before the post is answered, so the next poll has them.
/// </summary>
public sealed class DirectLineConversations(
    ActivityProcessor processor,
    TurnPipeline pipeline,
    PendingReplies pending,
    ReplyActivities replyActivities,
    ConversationLogs logs,
    IOptions<DirectLineOptions> options,
    TimeProvider time,
    ILogger<DirectLineConversations> logger)
{
    /// <summary>
    /// The channel id of every activity of this channel. Web Chat posts "webchat"; the Direct Line
    /// service, which this stands in for, stamps "directline". It is part of the key of the stored
    /// conversation state, so it never changes.
    /// </summary>
    public const string ChannelId = ActivityTypes.DirectLine;

    private readonly ConcurrentDictionary<(string ConversationId, string ClientActivityId), Task<PostOutcome>> inFlight = new();

    private ChannelAccount Bot => new() { Id = options.Value.BotId, Name = options.Value.BotName, Role = "bot" };

    /// <summary>
    /// Opens the conversation and tells the bot the user joined, so it greets a new user or
    /// welcomes a returning one back at the question where they left. Returns whether the log is new.
    /// </summary>
    public async Task<bool> StartAsync(DirectLineIdentity identity, ChannelAccount? user, string? locale, string serviceUrl, CancellationToken cancellationToken)
    {
        var log = logs.GetOrAdd(identity.ConversationId, out var created);
        var member = new ChannelAccount { Id = identity.UserId, Name = NameOf(identity, user?.Id == identity.UserId ? user.Name : null), Role = "user" };
        var (id, timestamp) = log.Reserve(time.GetUtcNow());
        var joined = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Id = id,
            Timestamp = timestamp,
            ChannelId = ChannelId,
            ServiceUrl = serviceUrl,
            From = member,
            Recipient = Bot,
            Conversation = new ConversationAccount { Id = identity.ConversationId },
            MembersAdded = [member, Bot],
            Locale = locale,
        };
        Log.ConversationStarted(logger, created);

        // Not recorded: conversationUpdate never reaches the client (D.3). A failed greeting still
        // leaves a working conversation; the next message gets the current question.
        await RunTurnAsync(log, joined, serviceUrl, turnId: null, AccountOf(identity), cancellationToken);
        return created;
    }

    /// <summary>
    /// The log of a conversation this process holds, or, after a restart or idle eviction, a new one
    /// for a conversation the store knows. Null for a conversation that was never started.
    /// </summary>
    public async Task<ConversationLog?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (logs.Find(conversationId) is { } log)
        {
            return log;
        }

        return await pipeline.ExistsAsync(ChannelId, conversationId, cancellationToken) ? logs.GetOrAdd(conversationId, out _) : null;
    }

    /// <summary>
    /// The log after <paramref name="watermark"/>, with what the bot sent meanwhile without being asked
    /// (reminders, replies delivered later) taken from the store first, at most once per
    /// DirectLine:PendingCheckInterval, so whichever instance serves the poll delivers them.
    /// </summary>
    public async Task<ActivitySet> ReadAsync(ConversationLog log, string? watermark, string serviceUrl, CancellationToken cancellationToken)
    {
        if (log.PendingCheckDue(time.GetUtcNow(), options.Value.PendingCheckInterval))
        {
            var replies = await pending.TakeAsync(ChannelId, log.ConversationId, cancellationToken);
            if (replies.Count > 0)
            {
                var template = new Activity
                {
                    Type = ActivityTypes.Message,
                    ChannelId = ChannelId,
                    ServiceUrl = serviceUrl,
                    From = Bot,
                    Conversation = new ConversationAccount { Id = log.ConversationId },
                };
                Record(log, await replyActivities.ToActivitiesAsync(template, serviceUrl, replies, cancellationToken));
            }
        }

        return log.After(watermark);
    }

    /// <summary>
    /// Records what the user posted (already through <see cref="Stamp"/>) and runs the bot on it.
    /// Web Chat posts an activity again, with the same clientActivityID, after a timeout or an error
    /// (D.5): the turn is keyed by that id, so the pipeline applies it once whatever the instance and
    /// after a restart too, and a repeat is answered with the same id. Repeats that arrive while the
    /// first is running wait for its outcome.
    /// </summary>
    public async Task<PostOutcome> PostAsync(ConversationLog log, Activity posted, DirectLineIdentity identity, string serviceUrl, CancellationToken cancellationToken)
    {
        if (posted.Type == ActivityTypes.Typing)
        {
            // Typing goes to the bot but not into the log: the official service only streams it (D.3).
            var typing = Reserved(log, posted);
            return new PostOutcome(typing.Id!, await RunTurnAsync(log, typing, serviceUrl, turnId: null, AccountOf(identity), cancellationToken));
        }

        if (ConversationLog.ClientActivityIdOf(posted) is not { } clientActivityId)
        {
            var recorded = log.Append(time.GetUtcNow(), (id, timestamp) => posted with { Id = id, Timestamp = timestamp });
            return new PostOutcome(recorded.Id!, await RunTurnAsync(log, recorded, serviceUrl, turnId: null, AccountOf(identity), cancellationToken));
        }

        var key = (log.ConversationId, clientActivityId);
        var attempt = new TaskCompletionSource<PostOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = inFlight.GetOrAdd(key, attempt.Task);
        if (running != attempt.Task)
        {
            Log.RepeatedPost(logger);
            return await running.WaitAsync(cancellationToken);
        }

        try
        {
            // The turn owns its time (TurnPipeline): a client that goes away does not cancel it for the repeats waiting.
            var echo = log.FindByClientActivityId(clientActivityId)
                ?? log.Append(time.GetUtcNow(), (_, timestamp) => posted with { Id = log.EchoIdOf(clientActivityId), Timestamp = timestamp });
            var outcome = new PostOutcome(echo.Id!, await RunTurnAsync(log, echo, serviceUrl, clientActivityId, AccountOf(identity), CancellationToken.None));
            attempt.SetResult(outcome);
            return outcome;
        }
        catch (Exception e)
        {
            attempt.SetException(e);
            throw;
        }
        finally
        {
            inFlight.TryRemove(new KeyValuePair<(string, string), Task<PostOutcome>>(key, attempt.Task));
        }
    }

    /// <summary>
    /// What the Direct Line service does to a posted activity (D.6): the sender is the token's user,
    /// whatever the body says (D.2); conversation, recipient, channel and service URL are the channel's.
    /// Everything else, channelData with clientActivityID included, is kept.
    /// </summary>
    public Activity Stamp(Activity posted, DirectLineIdentity identity, string serviceUrl) => posted with
    {
        Id = null,
        Timestamp = null,
        ChannelId = ChannelId,
        ServiceUrl = serviceUrl,
        From = (posted.From ?? new ChannelAccount()) with { Id = identity.UserId, Name = NameOf(identity, posted.From?.Name), Role = "user" },
        Recipient = Bot,
        Conversation = new ConversationAccount { Id = identity.ConversationId },
    };

    /// <summary>The account rosters name a signed-in user by; none for the page without sign-in.</summary>
    private static ChannelIdentity? AccountOf(DirectLineIdentity identity) =>
        identity.User.Account is { } account ? ChannelIdentity.Parse(account) : null;

    /// <summary>A signed-in user is named by the identity provider only; the page without sign-in names itself.</summary>
    private static string? NameOf(DirectLineIdentity identity, string? given) => identity.User.SessionId is null ? given : identity.User.Name;

    private Activity Reserved(ConversationLog log, Activity posted)
    {
        var (id, timestamp) = log.Reserve(time.GetUtcNow());
        return posted with { Id = id, Timestamp = timestamp };
    }

    /// <summary>Runs the bot on one activity and records its replies.</summary>
    /// <param name="turnId">What the pipeline recognises a repeat by; the activity's id when null.</param>
    private async Task<PostResult> RunTurnAsync(ConversationLog log, Activity activity, string serviceUrl, string? turnId, ChannelIdentity? account, CancellationToken cancellationToken)
    {
        ActivityTurn? turn;
        try
        {
            // The page's own token was checked; the channel is this process, so there is no service URL to trust.
            turn = await processor.RunAsync(activity, trusted: false, serviceUrl, cancellationToken, turnId, account);
        }
#pragma warning disable CA1031 // A failed turn is the bot's error (502 to the client), not the channel's; it is logged here.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            Log.TurnFailed(logger, e);
            return PostResult.Failed;
        }

        if (turn?.Outcome == TurnOutcome.Busy)
        {
            return PostResult.Busy;
        }

        // A repeat gets the turn's replies again; the log shows them once.
        if (turn?.Outcome != TurnOutcome.Duplicate || !log.HasRepliesTo(activity.Id!))
        {
            Record(log, turn?.Replies ?? []);
        }

        logs.Trim();
        Log.TurnAnswered(logger, activity.Type ?? "", turn?.Replies.Count ?? 0);
        return PostResult.Answered;
    }

    private void Record(ConversationLog log, IReadOnlyList<Activity> replies)
    {
        foreach (var reply in replies)
        {
            log.Append(time.GetUtcNow(), (id, timestamp) => reply with
            {
                Id = id,
                Timestamp = timestamp,
                From = (reply.From ?? Bot) with { Role = "bot" },
            });
        }
    }
}
