using MeetingBot.Conversations.Files;
using MeetingBot.Conversations.Reminders;
using MeetingBot.Dialogs.Bank;
using MeetingBot.Dialogs.Engine;
using MeetingBot.Materials.Drafts;
using MeetingBot.Meetings;
using MeetingBot.Meetings.Storage;
using MeetingBot.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeetingBot.Conversations.Meetings;

/// <summary>What a meeting command sees of its turn.</summary>
public sealed record MeetingTurn(ConversationRecord Record, MeetingSession? Session, ChannelIdentity Account, string Text, string? QuestionKey, ConversationContext Context);

/// <summary>
/// What a meeting command answered. <see cref="Rebound"/>: the self-check goes on after these
/// replies: that of another meeting the conversation now works on (joined or chosen), which the
/// pipeline opens, or the session's own, reopened by 撤回修改.
/// </summary>
public sealed record MeetingReply(IReadOnlyList<BotReply> Replies)
{
    public IReadOnlyList<NewFile> Files { get; init; } = [];

    public bool Rebound { get; init; }
}

/// <summary>
/// The commands of meetings (docs/architecture.md, "Meetings"), taken before the self-check's
/// engine: choosing and joining a meeting, 创建会议 (a dialog of its own, dialogs/create-meeting.yaml),
/// 撤回修改, 提示, 记一条批评意见, 暂停提醒 and 恢复提醒, and the secretary's commands. Every secretary command asks <see cref="MeetingSession.MaySee"/>
/// first; a refusal says only that the command is for the meeting's secretaries.
/// </summary>
public sealed class MeetingCommands(
    DialogEngine engine,
    ReplyRenderer renderer,
    MeetingStore meetings,
    MeetingSessions sessions,
    MeetingCreation creation,
    SecretaryViews views,
    PromptCards prompts,
    ReminderRounds reminders,
    IOptions<MeetingOptions> options,
    TimeProvider time,
    ILogger<MeetingCommands> logger)
{
    /// <summary>The reply of a meeting command, or null when the text is for the self-check.</summary>
    public async Task<MeetingReply?> HandleAsync(MeetingTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Record.Side is not null)
        {
            return await creation.ContinueAsync(turn, cancellationToken);
        }

        var command = engine.Catalog.Commands.Match(turn.Text);
        if (turn.Record.MeetingChoices.Count > 0 && turn.Session is null && command?.Command is not (Command.Help or Command.Join))
        {
            return await ChooseAsync(turn, turn.Text, cancellationToken);
        }

        var session = turn.Session;
        switch (command?.Command)
        {
            case Command.CreateMeeting:
                return options.Value.IsAdmin(turn.Account) ? creation.Start(turn) : Message(MessageKeys.MeetingAdminOnly);
            case Command.Join:
                return await JoinAsync(turn, command.Value.Argument, cancellationToken);
            case Command.Meetings:
                return await ChooseAsync(turn, command.Value.Argument, cancellationToken);
            case Command.Withdraw:
                return Withdraw(session);
            case Command.Prompt:
                return session is null ? Message(MessageKeys.MeetingNone) : new MeetingReply([prompts.Card(session.Meeting, session.Person, session.SelfCheck)]);
            case Command.NoteCriticism:
                return session is null ? Message(MessageKeys.MeetingNone) : NoteCriticism(session, command.Value.Argument);
            case Command.PauseReminders or Command.ResumeReminders:
                return session is null ? Message(MessageKeys.MeetingNone) : PauseReminders(session, command.Value.Command == Command.PauseReminders);
            case Command.Progress when session?.IsSecretary == true:
            case Command.Summary or Command.Similarity or Command.Rectification or Command.Export or Command.Return or Command.AddSecretary or Command.Invitation or Command.View or Command.Remind:
                return session is not null && session.MaySee(MeetingResource.Aggregates)
                    ? await SecretaryAsync(session, command.Value.Command, command.Value.Argument, cancellationToken)
                    : Message(MessageKeys.MeetingSecretaryOnly);
            default:
                return null;
        }
    }

    private async Task<MeetingReply> SecretaryAsync(MeetingSession session, Command command, string argument, CancellationToken cancellationToken)
    {
        switch (command)
        {
            case Command.Invitation:
                return Message(MessageKeys.MeetingInvitation, ("title", session.Meeting.Title), ("code", session.Meeting.InvitationCode));
            case Command.Return:
                return await ReturnAsync(session, argument, cancellationToken);
            case Command.AddSecretary:
                return await AddSecretaryAsync(session, argument, cancellationToken);
            case Command.View:
                return await ViewAsync(session, argument, cancellationToken);
            case Command.Remind:
                return await RemindAsync(session, cancellationToken);
        }

        views.Audit(session, command);
        return await views.ShowAsync(session, command, cancellationToken);
    }

    /// <summary>加入 <code>: the account goes on the meeting's roster (once), and the conversation works on that meeting.</summary>
    private async Task<MeetingReply> JoinAsync(MeetingTurn turn, string code, CancellationToken cancellationToken)
    {
        if (code.Length == 0)
        {
            return Message(MessageKeys.MeetingJoinHow);
        }

        if (await meetings.MeetingOfInvitationAsync(code, cancellationToken) is not { } meetingId)
        {
            return Message(MessageKeys.MeetingJoinUnknown);
        }

        for (var attempt = 1; ; attempt++)
        {
            var stored = await meetings.ReadAsync(meetingId, cancellationToken);
            if (stored is null)
            {
                return Message(MessageKeys.MeetingJoinUnknown);
            }

            if (stored.Meeting.EntryOf(turn.Account) is null)
            {
                var name = turn.Record.Profile.GetValueOrDefault(ProfileRoles.Name) ?? "";
                var person = new RosterEntry(MeetingStore.NewPersonId(), name, MeetingRole.Member) { Identities = [turn.Account] };
                try
                {
                    stored = await meetings.SaveAsync(stored.Meeting with { Roster = [.. stored.Meeting.Roster, person] }, stored, cancellationToken);
                }
                catch (DocumentPreconditionFailedException) when (attempt < 3)
                {
                    // Someone else joined at the same moment: read the roster again.
                    continue;
                }
            }

            MeetingSessions.Bind(turn.Record, stored.Meeting, turn.Account);
            Log.MeetingJoined(logger);
            return Message(MessageKeys.MeetingJoined, ("title", stored.Meeting.Title)) with { Rebound = true };
        }
    }

    /// <summary>我的会议 / 切换会议 [number], and the answer to the list of meetings offered.</summary>
    private async Task<MeetingReply> ChooseAsync(MeetingTurn turn, string answer, CancellationToken cancellationToken)
    {
        var found = await sessions.LookUpAsync(turn.Record, turn.Account, now: true, cancellationToken);
        if (found.Count == 0)
        {
            return Message(MessageKeys.MeetingNone);
        }

        var chosen = found.Count == 1 ? found[0]
            : int.TryParse(answer.Trim(), out var number) && number >= 1 && number <= found.Count ? found[number - 1] : null;
        if (chosen is null)
        {
            turn.Record.MeetingChoices = [.. found.Select(m => m.Meeting.Id)];
            return new MeetingReply([views.MeetingList(found)]);
        }

        var again = turn.Record.Meeting?.MeetingId == chosen.Meeting.Id;
        MeetingSessions.Bind(turn.Record, chosen.Meeting, turn.Account);
        return Message(MessageKeys.MeetingChosen, ("title", chosen.Meeting.Title)) with { Rebound = !again };
    }

    /// <summary>撤回修改: before the deadline, the secretaries no longer have the material, and the member edits it again.</summary>
    private MeetingReply Withdraw(MeetingSession? session)
    {
        if (session?.SelfCheck.Submission is null)
        {
            return Message(MessageKeys.WithdrawNothing);
        }

        if (session.Meeting.Deadline is { } deadline && time.GetUtcNow() > deadline)
        {
            return Message(MessageKeys.WithdrawClosed, ("deadline", views.LocalTime(deadline)));
        }

        session.SelfCheck.Submission = null;
        engine.Reopen(session.SelfCheck.Dialog);
        return Message(MessageKeys.WithdrawDone) with { Rebound = true };
    }

    /// <summary>暂停提醒 / 请假, and 恢复提醒: the person's reminders of this meeting (the prompt card included) stop or go on.</summary>
    private MeetingReply PauseReminders(MeetingSession session, bool pause)
    {
        session.SelfCheck.RemindersPaused = pause;
        return Message(pause ? MessageKeys.RemindersPaused : MessageKeys.RemindersResumed, ("title", session.Meeting.Title));
    }

    /// <summary>
    /// 提醒: a round of reminders to the members who have not submitted, stored with the turn and
    /// sent by the scheduler at once, or when the meeting's quiet hours end.
    /// </summary>
    private async Task<MeetingReply> RemindAsync(MeetingSession session, CancellationToken cancellationToken)
    {
        if (await reminders.ManualRoundAsync(session.Meeting, cancellationToken) is not { } round)
        {
            return Message(MessageKeys.RemindNobody);
        }

        session.Writes.Add(DocumentWrite.Create(round.ToDocument(session.Meeting.Id)));
        session.RemindersDue = true;
        views.Audit(session, Command.Remind);
        var from = ReminderCalendar.FirstAllowed(session.Meeting, round.OpenedAt);
        return from > round.OpenedAt
            ? Message(MessageKeys.RemindDeferred, ("at", views.LocalTime(from)), ("count", round.Recipients.Count))
            : Message(MessageKeys.RemindStarted, ("count", round.Recipients.Count));
    }

    /// <summary>
    /// 记一条批评意见 &lt;text&gt;: a point of 相互批评 for the meeting, kept on the member's own
    /// self-check as one line of their words; only their prompt card shows it.
    /// </summary>
    private MeetingReply NoteCriticism(MeetingSession session, string text)
    {
        var note = DraftText.Clean(text);
        if (note.Length == 0)
        {
            return Message(MessageKeys.CriticismNoteHow);
        }

        if (note.Length > DialogEngine.MaxAnswerLength)
        {
            return Message(MessageKeys.TooLong, ("max", DialogEngine.MaxAnswerLength));
        }

        session.SelfCheck.CriticismNotes.Add(note);
        return Message(MessageKeys.CriticismNoted);
    }

    /// <summary>退回 <name> <comment>: the member's submission goes back to them with the secretary's comment.</summary>
    private async Task<MeetingReply> ReturnAsync(MeetingSession session, string argument, CancellationToken cancellationToken)
    {
        var parts = argument.Split([' ', '\u3000', '，', ','], 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length < 2)
        {
            return Message(MessageKeys.ReturnHow);
        }

        if (PersonNamed(session.Meeting, parts[0]) is not { } person || !session.MaySee(MeetingResource.MemberMaterial, person.PersonId))
        {
            return Message(MessageKeys.PersonUnknown, ("name", parts[0]));
        }

        var key = SelfCheckRecord.KeyOf(session.Meeting.Id, person.PersonId);
        var stored = person.PersonId == session.Person.PersonId ? null : await views.ReadSelfCheckAsync(key, cancellationToken);
        var member = stored?.Record ?? session.SelfCheck;
        if (member.Submission is null)
        {
            return Message(MessageKeys.ReturnNotSubmitted, ("name", person.Name));
        }

        member.Submission = null;
        member.Returned = new ReturnNote(parts[1], session.Person.Name, time.GetUtcNow());
        engine.Reopen(member.Dialog);
        if (stored is not null)
        {
            session.Writes.Add(DocumentWrite.Replace(new NewDocument(key, SelfCheckRecord.Kind, member.ToJson()), stored.Value.ETag));
        }

        session.Notices.Add(new MeetingNotice(
            [person.PersonId],
            $"returned:{session.Meeting.Id}:{person.PersonId}:{member.DraftVersions}",
            new Notice(MessageKeys.MemberReturned, new Dictionary<string, object?> { ["by"] = session.Person.Name, ["comment"] = parts[1] })));
        views.Audit(session, Command.Return);
        return Message(MessageKeys.ReturnDone, ("name", person.Name));
    }

    /// <summary>查看材料 <name>: a member's submitted material, for the meeting's secretaries.</summary>
    private async Task<MeetingReply> ViewAsync(MeetingSession session, string name, CancellationToken cancellationToken)
    {
        if (name.Length == 0)
        {
            return Message(MessageKeys.ViewHow);
        }

        if (PersonNamed(session.Meeting, name) is not { } person || !session.MaySee(MeetingResource.MemberMaterial, person.PersonId))
        {
            return Message(MessageKeys.PersonUnknown, ("name", name));
        }

        var member = person.PersonId == session.Person.PersonId
            ? session.SelfCheck
            : (await views.ReadSelfCheckAsync(SelfCheckRecord.KeyOf(session.Meeting.Id, person.PersonId), cancellationToken))?.Record;
        if (member?.Submission is not { } submission)
        {
            return Message(MessageKeys.ViewNotSubmitted, ("name", person.Name));
        }

        views.Audit(session, Command.View);
        return new MeetingReply([new BotReply(views.Material(session.Meeting, person, submission).Text, []) { IsDraft = true }]);
    }

    /// <summary>添加秘书 <name>: a person of the roster becomes a secretary of the meeting too.</summary>
    private async Task<MeetingReply> AddSecretaryAsync(MeetingSession session, string name, CancellationToken cancellationToken)
    {
        if (name.Length == 0)
        {
            return Message(MessageKeys.AddSecretaryHow);
        }

        if (PersonNamed(session.Meeting, name) is not { } person)
        {
            return Message(MessageKeys.PersonUnknown, ("name", name));
        }

        var roster = session.Meeting.Roster.Select(e => e.PersonId == person.PersonId ? e with { Role = MeetingRole.Secretary } : e).ToArray();
        await meetings.SaveAsync(session.Meeting with { Roster = roster }, session.Stored, cancellationToken);
        return Message(MessageKeys.SecretaryAdded, ("name", person.Name));
    }

    /// <summary>The one person of the roster with that name; null when there is none or more than one.</summary>
    private static RosterEntry? PersonNamed(Meeting meeting, string name) =>
        meeting.Roster.Where(e => e.Name == name).ToArray() is [var only] ? only : null;

    private MeetingReply Message(string key, params (string Key, object? Value)[] values) => new([renderer.Message(key, values)]);
}
