using System.Security.Cryptography;
using System.Text;
using MeetingBot.Conversations.Context;
using MeetingBot.Conversations.Files;
using MeetingBot.Conversations.Meetings;
using MeetingBot.Conversations.Reminders;
using MeetingBot.Dialogs.Bank;
using MeetingBot.Dialogs.Engine;
using MeetingBot.Meetings;
using MeetingBot.Meetings.Themes;
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
    MeetingSessions sessions,
    MeetingCommands commands,
    MeetingNotices notices,
    ReminderScheduler reminders,
    SecretaryViews views,
    ThemeCatalog themes,
    IOptions<MeetingOptions> meetingOptions,
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

            var account = input.Kind == TurnKind.Notification ? null : input.Account ?? new ChannelIdentity(input.ChannelId, input.UserId);
            var session = await OpenMeetingAsync(record, account, isNew: stored is null, cancellationToken);
            DialogRecord dialog = (DialogRecord?)session?.SelfCheck ?? record;
            if (input.ActivityId is { } activityId && (dialog.RecentActivityIds.Contains(activityId) || record.RecentActivityIds.Contains(activityId)))
            {
                Log.DuplicateActivity(logger);
                var replay = dialog.RecentActivityIds.LastOrDefault() == activityId ? dialog.LastReplies : [];
                return new TurnResult(replay, TurnOutcome.Duplicate) { Address = record.Address };
            }

            var work = await RunAsync(record, session, account, input, cancellationToken);
            try
            {
                await SaveAsync(key, stored, record, work, cancellationToken);
                Log.TurnProcessed(logger, input.Kind, work.Turn.Replies.Count, attempt);
                if (work.Session is { Notices.Count: > 0 } noticed)
                {
                    notices.Send(noticed.Meeting.Id, noticed.Notices);
                }

                if (work.Session is { RemindersDue: true })
                {
                    reminders.Wake();
                }

                return new TurnResult(work.Turn.Replies, work.Outcome) { Address = record.Address };
            }
            catch (Exception e) when (e is DocumentPreconditionFailedException or DocumentConflictException)
            {
                // Another instance stored a turn of this conversation (or of this person's self-check) first.
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

    /// <summary>The meeting the conversation works on; a new conversation (or one not checked for a while) looks for its user's meetings first.</summary>
    private async Task<MeetingSession?> OpenMeetingAsync(ConversationRecord record, ChannelIdentity? account, bool isNew, CancellationToken cancellationToken)
    {
        if (record.Meeting is null && account is not null)
        {
            await sessions.LookUpAsync(record, account, now: isNew, cancellationToken);
        }

        return await sessions.OpenAsync(record, account, cancellationToken);
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

    private async Task<TurnWork> RunAsync(ConversationRecord record, MeetingSession? session, ChannelIdentity? account, TurnInput input, CancellationToken cancellationToken)
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

        var context = await ContextAsync(record, session, cancellationToken);
        var replies = new List<BotReply>();
        var files = new List<NewFile>();
        if (account is not null && input.Kind == TurnKind.Message
            && await commands.HandleAsync(new MeetingTurn(record, session, account, input.Text, input.QuestionKey, context), cancellationToken) is { } handled)
        {
            replies.AddRange(handled.Replies);
            files.AddRange(handled.Files);

            // The conversation now works on another meeting (created, joined or chosen): its session
            // is opened, so the person's self-check there records this conversation as the one to
            // reach them on. A material taken back (撤回修改) stays in the session that changed it.
            if (record.Meeting?.MeetingId != session?.Meeting.Id)
            {
                session = await sessions.OpenAsync(record, account, cancellationToken) ?? session;
                context = await ContextAsync(record, session, cancellationToken);
            }

            if (!handled.Rebound)
            {
                return Finish(record, session, input, new RenderedTurn(replies, null, files), TurnOutcome.Other);
            }
        }

        var target = (DialogRecord?)session?.SelfCheck ?? record;
        var state = target.Dialog;
        engine.Prepare(state, context);
        var dialog = input.Kind switch
        {
            _ when replies.Count > 0 => engine.Ask(state, context),
            TurnKind.ConversationStarted => engine.Start(state, context),
            TurnKind.Message when NothingAsked(session, input.Text) => engine.Start(state, context),
            TurnKind.Unsupported => Only(new MessageEvent(MessageKeys.UnsupportedInput)),
            TurnKind.Notification => Only(new MessageEvent(input.Notice!.MessageKey, input.Notice.Values)),
            _ => engine.Handle(state, context, input.Text, input.QuestionKey),
        };
        var turn = renderer.Render(dialog.Events, state, context, HelpAudience.Of(session, account, meetingOptions.Value));
        if (input.Notice is { Then.Count: > 0 } notice)
        {
            turn = turn with { Replies = [.. turn.Replies, .. notice.Then] };
        }

        if (session is not null && turn.Draft is { } reviewed && dialog.Events.Any(e => e is ReviewEvent)
            && await views.SimilarityWarningAsync(session, reviewed.Model, cancellationToken) is { } warning)
        {
            turn = turn with { Replies = [.. turn.Replies, warning] };
        }
        var outcome = TurnResult.From(dialog.Outcome);
        if (outcome == TurnOutcome.Submitted && session is not null)
        {
            SubmitToMeeting(session, turn);
        }

        return Finish(record, session, input, turn with { Replies = [.. replies, .. turn.Replies], Files = [.. files, .. turn.Files] }, outcome);
    }

    /// <summary>
    /// A person on a meeting's roster writes first (你好) to a self-check that has asked them nothing:
    /// the text answers no question, so they are greeted and asked the first one. Commands still work.
    /// </summary>
    private bool NothingAsked(MeetingSession? session, string text) =>
        session is { SelfCheck: { LastReplies.Count: 0, Dialog.Answers.Count: 0 } } && engine.Catalog.Default.Commands.Match(text) is null;

    /// <summary>The context of the turn: what the channel told, and the meeting's facts for the person on its roster.</summary>
    private async Task<ConversationContext> ContextAsync(ConversationRecord record, MeetingSession? session, CancellationToken cancellationToken)
    {
        var context = await contexts.GetAsync(record, cancellationToken);
        return session is null ? context : MeetingContext.Of(context, session.Meeting, session.Person, engine.Catalog.Default, themes);
    }

    /// <summary>提交 in a meeting: the answers as they are now go to the secretaries, who are told.</summary>
    private void SubmitToMeeting(MeetingSession session, RenderedTurn turn)
    {
        var selfCheck = session.SelfCheck;
        var version = KeepVersion(selfCheck, turn.Draft!.Text) ? selfCheck.DraftVersions + 1 : selfCheck.DraftVersions;
        selfCheck.Submission = new Submission(version, time.GetUtcNow(), MeetingSessions.Copy(selfCheck.Dialog));
        selfCheck.Returned = null;
        session.Notices.Add(new MeetingNotice(
            [.. session.Meeting.Secretaries.Select(s => s.PersonId)],
            $"submitted:{session.Meeting.Id}:{selfCheck.PersonId}:{version}",
            new Notice(MessageKeys.MemberSubmitted, new Dictionary<string, object?> { ["name"] = session.Person.Name, ["title"] = session.Meeting.Title })));
    }

    /// <summary>What every turn records: when, its replies (for a retried delivery), and its activity id.</summary>
    private TurnWork Finish(ConversationRecord record, MeetingSession? session, TurnInput input, RenderedTurn turn, TurnOutcome outcome)
    {
        DialogRecord target = (DialogRecord?)session?.SelfCheck ?? record;
        target.UpdatedAt = time.GetUtcNow();
        target.LastReplies = [.. turn.Replies];
        if (input.ActivityId is not null)
        {
            target.Remember(input.ActivityId);
        }

        if (session is not null && input.Kind != TurnKind.Notification)
        {
            session.SelfCheck.LastConversation = new ConversationRef(record.ChannelId, record.ConversationId);
        }

        return new TurnWork(turn, outcome, session);
    }

    private static DialogTurn Only(DialogEvent dialogEvent) => new([dialogEvent], DialogOutcome.Other);

    /// <summary>
    /// Stores everything the turn produced. A personal self-check: one atomic write of the
    /// conversation, a new draft version when the draft's text changed (or it was submitted), and
    /// the files its replies carry. In a meeting: the conversation (with the files) only when it
    /// changed, then one atomic write in the meeting's partition of the self-check, its draft
    /// version and what the turn changed besides there (docs/architecture.md, "Meetings in the store").
    /// </summary>
    private async Task SaveAsync(DocumentKey key, StoredDocument? stored, ConversationRecord record, TurnWork work, CancellationToken cancellationToken)
    {
        var session = work.Session;
        DialogRecord dialog = (DialogRecord?)session?.SelfCheck ?? record;
        var version = Version(session?.SelfCheck.Key.PartitionKey ?? key.PartitionKey, dialog, work.Turn);
        var files = work.Turn.Files.Select(file =>
            DocumentWrite.Create(ConversationFiles.Document(key.PartitionKey, file, options.Value.FileLifetime))).ToList();
        var conversation = new NewDocument(key, ConversationRecord.Kind, record.ToJson());
        var conversationWrite = stored is null ? DocumentWrite.Create(conversation) : DocumentWrite.Replace(conversation, stored.ETag);
        if (session is null)
        {
            await store.WriteBatchAsync([.. version, .. files, conversationWrite], cancellationToken);
            return;
        }

        if (files.Count > 0 || stored is null || stored.Body.GetRawText() != conversation.Body.GetRawText())
        {
            await store.WriteBatchAsync([.. files, conversationWrite], cancellationToken);
        }

        var selfCheck = new NewDocument(session.SelfCheck.Key, SelfCheckRecord.Kind, session.SelfCheck.ToJson());
        await store.WriteBatchAsync(
            [.. version, .. session.Writes, session.SelfCheckETag is null ? DocumentWrite.Create(selfCheck) : DocumentWrite.Replace(selfCheck, session.SelfCheckETag)],
            cancellationToken);
    }

    /// <summary>A new draft version (none, or one write) when the draft's text changed, or it was submitted; counted on the record.</summary>
    private static DocumentWrite[] Version(string partitionKey, DialogRecord record, RenderedTurn turn)
    {
        if (turn.Draft is not { } draft || !KeepVersion(record, draft.Text))
        {
            return [];
        }

        // A version written by a turn that then loses the race is not kept: the batch is atomic,
        // and the retry takes the same number.
        record.DraftVersions++;
        record.LastDraftHash = DraftHash(record, draft.Text);
        var version = new DraftVersion(record.DraftVersions, record.UpdatedAt, record.Dialog.Submitted, draft.Text);
        return [DocumentWrite.Upsert(new NewDocument(new DocumentKey(partitionKey, record.VersionIdOf(version.Version)), DraftVersion.Kind, version.ToJson()))];
    }

    /// <summary>A draft is kept when its text differs from the latest kept version, or when it is submitted.</summary>
    private static bool KeepVersion(DialogRecord record, string text) => DraftHash(record, text) != record.LastDraftHash;

    private static string DraftHash(DialogRecord record, string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16)) + (record.Dialog.Submitted ? ":submitted" : "");
}

/// <summary>What a turn produced, to store and then to answer with.</summary>
internal sealed record TurnWork(RenderedTurn Turn, TurnOutcome Outcome, MeetingSession? Session);
