using MeetingBot.Dialogs.Bank;
using MeetingBot.Dialogs.Engine;
using MeetingBot.Meetings;
using MeetingBot.Meetings.Findings;
using MeetingBot.Meetings.Storage;
using MeetingBot.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeetingBot.Conversations.Meetings;

/// <summary>
/// 创建会议: an administrator answers the questions of dialogs/create-meeting.yaml (run by the same
/// engine as the self-check, kept in the conversation as a side dialog), and on 确认创建 the meeting
/// is stored with the administrator as its secretary and an invitation code for the members. The
/// meeting's id is chosen when the dialog starts, so a retried turn cannot create it twice.
/// </summary>
public sealed class MeetingCreation(DialogEngine engine, ReplyRenderer renderer, MeetingStore meetings, IOptions<ConversationOptions> options, ILogger<MeetingCreation> logger)
{
    public const string BankId = "create-meeting";

    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public MeetingReply Start(MeetingTurn turn)
    {
        var side = new SideDialog(SideDialog.CreateMeeting, MeetingStore.NewMeetingId(), new DialogState { BankId = BankId });
        turn.Record.Side = side;
        return Rendered(engine.Ask(side.Dialog, turn.Context), side.Dialog, turn.Context);
    }

    public async Task<MeetingReply> ContinueAsync(MeetingTurn turn, CancellationToken cancellationToken)
    {
        var side = turn.Record.Side!;
        if (engine.Catalog.Commands.Match(turn.Text)?.Command == Command.No)
        {
            return Cancelled(turn.Record);
        }

        var reply = Rendered(engine.Handle(side.Dialog, turn.Context, turn.Text, turn.QuestionKey), side.Dialog, turn.Context);
        if (engine.Current(side.Dialog, turn.Context) is not null)
        {
            return reply;
        }

        var answers = side.Dialog.Answers;
        if (answers["confirm"].Selected is not ["create"])
        {
            return Cancelled(turn.Record);
        }

        turn.Record.Side = null;
        var meeting = Meeting(side, turn.Account, turn.Record.Profile.GetValueOrDefault(ProfileRoles.Name) ?? "");
        var stored = await CreateOnceAsync(meeting, cancellationToken);
        MeetingSessions.Bind(turn.Record, stored.Meeting, turn.Account);
        Log.MeetingCreated(logger);
        return new MeetingReply([renderer.Message(MessageKeys.MeetingCreated, ("title", stored.Meeting.Title), ("code", stored.Meeting.InvitationCode))]);
    }

    private Meeting Meeting(SideDialog side, ChannelIdentity account, string name)
    {
        var answers = side.Dialog.Answers;
        var findings = answers.GetValueOrDefault("findings")?.Text is { } pasted && FindingsParser.TryParse(pasted, out var parsed) ? parsed : [];
        return new Meeting
        {
            Id = side.Id,
            Kind = Enum.GetValues<MeetingKind>().Single(k => MeetingFacts.OptionOf(k) == answers["kind"].Selected[0]),
            Title = answers["title"].Text!,
            Unit = answers["unit"].Text!,
            HeldAt = Local(answers["date"].Date!.Value, TimeOnly.MinValue),
            Place = answers.GetValueOrDefault("place")?.Text,
            // A deadline given as a day ends with that day.
            Deadline = Local(answers["deadline"].Date!.Value, TimeOnly.MaxValue),
            Findings = findings,
            InvitationCode = MeetingStore.NewInvitationCode(),
            Roster = [new RosterEntry(MeetingStore.NewPersonId(), name, MeetingRole.Secretary) { Identities = [account] }],
        };
    }

    /// <summary>Creates the meeting; when a retried turn finds it created already, that one.</summary>
    private async Task<StoredMeeting> CreateOnceAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        try
        {
            return await meetings.SaveAsync(meeting, previous: null, cancellationToken);
        }
        catch (DocumentConflictException)
        {
            return (await meetings.ReadAsync(meeting.Id, cancellationToken))!;
        }
    }

    private DateTimeOffset Local(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, _zone.GetUtcOffset(local));
    }

    private MeetingReply Cancelled(ConversationRecord record)
    {
        record.Side = null;
        return new MeetingReply([renderer.Message(MessageKeys.MeetingCreateCancelled)]);
    }

    private MeetingReply Rendered(DialogTurn turn, DialogState state, ConversationContext context) =>
        new(renderer.Render(turn.Events, state, context).Replies);
}
