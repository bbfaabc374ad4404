using MeetingBot.Dialogs.Bank;
using MeetingBot.Dialogs.Engine;
using MeetingBot.Storage;
using Microsoft.Extensions.Logging;

namespace MeetingBot.Conversations;

/// <summary>
/// The channel-neutral turn: load the conversation, run the dialog engine, render the replies, and
/// store the answers before anything is sent. A concurrent turn of the same conversation makes the
/// conditional write fail; the turn is then run again on the fresh state, so no answer is lost.
/// </summary>
public sealed partial class TurnPipeline(
    DialogEngine engine,
    ReplyRenderer renderer,
    IDocumentStore store,
    TimeProvider time,
    ILogger<TurnPipeline> logger)
{
    private const int MaxAttempts = 5;

    public async Task<TurnResult> ProcessAsync(TurnInput input, CancellationToken cancellationToken)
    {
        if (input.Kind == TurnKind.GroupMention)
        {
            return Notice(MessageKeys.PersonalOnly);
        }

        try
        {
            return await RunTurnAsync(input, cancellationToken);
        }
        catch (StoreUnavailableException)
        {
            // Every write is atomic, so nothing of this turn was kept: the user is asked to send it again.
            LogStoreUnavailable(logger);
            return Notice(MessageKeys.StoreUnavailable);
        }
    }

    private async Task<TurnResult> RunTurnAsync(TurnInput input, CancellationToken cancellationToken)
    {
        var key = ConversationKeys.State(input.ChannelId, input.ConversationId);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Channel"] = input.ChannelId, ["Conversation"] = key.PartitionKey });
        for (var attempt = 1; ; attempt++)
        {
            var stored = await store.ReadAsync(key, cancellationToken);
            var record = stored is null
                ? new ConversationRecord { ChannelId = input.ChannelId, ConversationId = input.ConversationId, UserId = input.UserId }
                : ConversationRecord.FromJson(stored.Body);

            if (input.ActivityId is { } activityId && record.RecentActivityIds.Contains(activityId))
            {
                LogDuplicate(logger, activityId);
                var replay = record.RecentActivityIds[^1] == activityId ? record.LastReplies : [];
                return new TurnResult(replay, Duplicate: true);
            }

            var replies = Run(record, input, out var draft, out var stale);
            try
            {
                await SaveAsync(key, stored?.ETag, record, draft, cancellationToken);
                LogTurn(logger, input.Kind, replies.Count, attempt);
                return new TurnResult(replies, StaleCard: stale);
            }
            catch (Exception e) when (e is DocumentPreconditionFailedException or DocumentConflictException && attempt < MaxAttempts)
            {
                LogConcurrentTurn(logger, attempt);
            }
        }
    }

    /// <summary>A short message that reads and writes nothing.</summary>
    private TurnResult Notice(string key) => new(renderer.Render([new MessageEvent(key)], new DialogState(), out _));

    private List<BotReply> Run(ConversationRecord record, TurnInput input, out string? draft, out bool stale)
    {
        var state = record.Dialog;
        if (!string.IsNullOrWhiteSpace(input.UserName))
        {
            state.ProfileName ??= input.UserName;
        }

        var events = input.Kind switch
        {
            TurnKind.ConversationStarted => engine.Start(state),
            TurnKind.Unsupported => [new MessageEvent(MessageKeys.UnsupportedInput)],
            _ => engine.Handle(state, input.Text, input.QuestionKey),
        };
        stale = events is [MessageEvent { Key: MessageKeys.StaleCard }, ..];
        var replies = renderer.Render(events, state, out draft).ToList();

        record.UserId = input.UserId;
        record.Reference = input.Reference ?? record.Reference;
        record.UpdatedAt = time.GetUtcNow();
        record.LastReplies = replies;
        if (input.ActivityId is not null)
        {
            record.RecentActivityIds.Add(input.ActivityId);
            if (record.RecentActivityIds.Count > ConversationRecord.RememberedActivities)
            {
                record.RecentActivityIds.RemoveAt(0);
            }
        }

        return replies;
    }

    private async Task SaveAsync(DocumentKey key, string? etag, ConversationRecord record, string? draft, CancellationToken cancellationToken)
    {
        if (draft is not null)
        {
            // Kept before the state: a version written by a turn that then loses the race is
            // overwritten by the retry, which takes the same number.
            record.DraftVersions++;
            var version = new DraftVersion(record.DraftVersions, record.UpdatedAt, record.Dialog.Submitted, draft);
            var versionKey = key with { Id = DraftVersion.IdOf(version.Version) };
            await store.UpsertAsync(new NewDocument(versionKey, DraftVersion.Kind, version.ToJson()), cancellationToken);
        }

        var document = new NewDocument(key, ConversationRecord.Kind, record.ToJson());
        _ = etag is null
            ? await store.CreateAsync(document, cancellationToken)
            : await store.ReplaceAsync(document, etag, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Turn {Kind} processed with {ReplyCount} replies (attempt {Attempt})")]
    private static partial void LogTurn(ILogger logger, TurnKind kind, int replyCount, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Activity {ActivityId} was delivered again; it is not processed twice")]
    private static partial void LogDuplicate(ILogger logger, string activityId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store is unavailable; the turn was not kept and the user was asked to retry")]
    private static partial void LogStoreUnavailable(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Another turn of the conversation stored first; running the turn again (attempt {Attempt})")]
    private static partial void LogConcurrentTurn(ILogger logger, int attempt);
}
