using System.Security.Cryptography;
using System.Text;
using MeetingBot.Conversations.Context;
using MeetingBot.Conversations.Files;
using MeetingBot.Dialogs.Bank;
using MeetingBot.Dialogs.Engine;
using MeetingBot.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeetingBot.Conversations;

/// <summary>
/// The channel-neutral turn: wait for the conversation's gate, load the conversation, run the dialog
/// engine, render the replies, and store everything the turn produced in one atomic write before
/// anything is sent. The turn owns its time (Conversations:TurnTimeout): a caller that goes away
/// does not cancel it half-way. Inside this process turns of one conversation run one at a time; a
/// turn of another instance makes the conditional write fail, and the turn is run again on the fresh
/// state, so no answer is lost.
/// </summary>
public sealed class TurnPipeline(
    DialogEngine engine,
    ReplyRenderer renderer,
    IConversationContextSource contexts,
    IDocumentStore store,
    ConversationGate gate,
    IOptions<ConversationOptions> options,
    TimeProvider time,
    ILogger<TurnPipeline> logger)
{
    private const int MaxAttempts = 5;

    /// <param name="cancellationToken">Stops only the wait for the conversation's gate; a turn that has begun runs to its end or its timeout.</param>
    public async Task<TurnResult> ProcessAsync(TurnInput input, CancellationToken cancellationToken)
    {
        if (input.Kind == TurnKind.GroupMention)
        {
            return Notice(MessageKeys.PersonalOnly, TurnOutcome.Other);
        }

        var key = ConversationKeys.State(input.ChannelId, input.ConversationId);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Channel"] = input.ChannelId, ["Conversation"] = LogTagOf(key.PartitionKey) });
        var settings = options.Value;
        using var pass = await gate.EnterAsync(key.PartitionKey, settings.TurnTimeout, time, cancellationToken);
        if (pass is null)
        {
            Log.ConversationBusy(logger);
            return new TurnResult([], TurnOutcome.Busy);
        }

        using var timeout = new CancellationTokenSource(settings.TurnTimeout, time);
        try
        {
            return await RunTurnAsync(key, input, timeout.Token);
        }
        catch (StoreUnavailableException)
        {
            // Every write is atomic, so nothing of this turn was kept: the user is asked to send it again.
            Log.StoreUnavailable(logger);
            return Notice(MessageKeys.StoreUnavailable, TurnOutcome.Unavailable);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            Log.TurnTimedOut(logger, settings.TurnTimeout);
            return Notice(MessageKeys.TurnTimedOut, TurnOutcome.TimedOut);
        }
    }

    /// <summary>Whether the bot has ever held a conversation of that id on that channel.</summary>
    public async Task<bool> ExistsAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        await store.ReadAsync(ConversationKeys.State(channelId, conversationId), cancellationToken) is not null;

    private async Task<TurnResult> RunTurnAsync(DocumentKey key, TurnInput input, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await store.ReadAsync(key, cancellationToken);
            var record = stored is null
                ? new ConversationRecord { ChannelId = input.ChannelId, ConversationId = input.ConversationId, UserId = input.UserId }
                : ConversationRecord.FromJson(stored.Body);

            // The bot cannot speak first where it has never been, nor where it does not know the way back.
            if (input.Kind == TurnKind.Notification && (stored is null || record.Address is null))
            {
                return new TurnResult([], TurnOutcome.Unknown);
            }

            // A personal conversation's state is its user's: another sender is refused, not adopted,
            // before anything of the state (a duplicate's replies included) is shown to them.
            if (stored is not null && input.Kind != TurnKind.Notification && record.UserId.Length > 0 && input.UserId != record.UserId)
            {
                Log.ForeignSender(logger);
                return new TurnResult([], TurnOutcome.Refused);
            }

            if (input.ActivityId is { } activityId && record.RecentActivityIds.Contains(activityId))
            {
                Log.DuplicateActivity(logger);
                var replay = record.RecentActivityIds[^1] == activityId ? record.LastReplies : [];
                return new TurnResult(replay, TurnOutcome.Duplicate) { Address = record.Address };
            }

            var (turn, outcome) = await RunAsync(record, input, cancellationToken);
            try
            {
                await SaveAsync(key, stored?.ETag, record, turn, cancellationToken);
                Log.TurnProcessed(logger, input.Kind, turn.Replies.Count, attempt);
                return new TurnResult(turn.Replies, outcome) { Address = record.Address };
            }
            catch (Exception e) when (e is DocumentPreconditionFailedException or DocumentConflictException)
            {
                // Another instance stored a turn of this conversation first.
                if (attempt == MaxAttempts)
                {
                    Log.ConversationBusy(logger);
                    return new TurnResult([], TurnOutcome.Busy);
                }

                Log.ConcurrentTurn(logger, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 50) * attempt), time, cancellationToken);
            }
        }
    }

    /// <summary>
    /// What logs call a conversation: it tells a conversation's lines from another's, but is no key
    /// of the store (the partition key would be) and leads back to no channel id.
    /// </summary>
    private static string LogTagOf(string partitionKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("log\n" + partitionKey)).AsSpan(0, 6));

    /// <summary>A short message that reads and writes nothing.</summary>
    private TurnResult Notice(string key, TurnOutcome outcome) =>
        new([new BotReply(renderer.RenderMessage(key, new Dictionary<string, object?>()), [])], outcome);

    private async Task<(RenderedTurn Turn, TurnOutcome Outcome)> RunAsync(ConversationRecord record, TurnInput input, CancellationToken cancellationToken)
    {
        if (input.Kind != TurnKind.Notification)
        {
            record.UserId = input.UserId;
            record.Address = input.Address ?? record.Address;
            if (!string.IsNullOrWhiteSpace(input.UserName))
            {
                record.Profile.TryAdd(ProfileRoles.Name, input.UserName);
            }
        }

        var context = await contexts.GetAsync(record, cancellationToken);
        var state = record.Dialog;
        engine.Prepare(state, context);
        var dialog = input.Kind switch
        {
            TurnKind.ConversationStarted => engine.Start(state, context),
            TurnKind.Unsupported => Only(new MessageEvent(MessageKeys.UnsupportedInput)),
            TurnKind.Notification => Only(new MessageEvent(input.Notice!.MessageKey, input.Notice.Values)),
            _ => engine.Handle(state, context, input.Text, input.QuestionKey),
        };
        var turn = renderer.Render(dialog.Events, state, context);

        record.UpdatedAt = time.GetUtcNow();
        record.LastReplies = [.. turn.Replies];
        if (input.ActivityId is not null)
        {
            record.RecentActivityIds.Add(input.ActivityId);
            if (record.RecentActivityIds.Count > ConversationRecord.RememberedActivities)
            {
                record.RecentActivityIds.RemoveAt(0);
            }
        }

        return (turn, TurnResult.From(dialog.Outcome));
    }

    private static DialogTurn Only(DialogEvent dialogEvent) => new([dialogEvent], DialogOutcome.Other);

    /// <summary>
    /// One atomic write of everything the turn produced: the state, a new draft version when the
    /// draft's text changed (or it was submitted), and the files its replies carry.
    /// </summary>
    private async Task SaveAsync(DocumentKey key, string? etag, ConversationRecord record, RenderedTurn turn, CancellationToken cancellationToken)
    {
        var writes = new List<DocumentWrite>();
        if (turn.Draft is { } draft && KeepVersion(record, draft.Text))
        {
            // A version written by a turn that then loses the race is not kept: the batch is atomic,
            // and the retry takes the same number.
            record.DraftVersions++;
            var version = new DraftVersion(record.DraftVersions, record.UpdatedAt, record.Dialog.Submitted, draft.Text);
            writes.Add(new DocumentWrite(DocumentWriteKind.Upsert, new NewDocument(key with { Id = DraftVersion.IdOf(version.Version) }, DraftVersion.Kind, version.ToJson())));
        }

        writes.AddRange(turn.Files.Select(file =>
            new DocumentWrite(DocumentWriteKind.Create, ConversationFiles.Document(key.PartitionKey, file, options.Value.FileLifetime))));
        var state = new NewDocument(key, ConversationRecord.Kind, record.ToJson());
        writes.Add(etag is null ? new DocumentWrite(DocumentWriteKind.Create, state) : new DocumentWrite(DocumentWriteKind.Replace, state, etag));
        await store.WriteBatchAsync(writes, cancellationToken);
    }

    /// <summary>A draft is kept when its text differs from the latest kept version, or when it is submitted.</summary>
    private static bool KeepVersion(ConversationRecord record, string text)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16)) + (record.Dialog.Submitted ? ":submitted" : "");
        if (hash == record.LastDraftHash)
        {
            return false;
        }

        record.LastDraftHash = hash;
        return true;
    }
}
