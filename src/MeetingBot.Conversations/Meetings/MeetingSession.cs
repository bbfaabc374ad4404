using System.Text.Json;
using MeetingBot.Dialogs.Engine;
using MeetingBot.Meetings;
using MeetingBot.Meetings.Storage;
using MeetingBot.Storage;
using Microsoft.Extensions.Options;

namespace MeetingBot.Conversations.Meetings;

/// <summary>
/// The meeting side of one turn: the meeting as read, who the user is on its roster, their
/// self-check (which the turn runs instead of the conversation's own), and what the turn writes
/// besides in the meeting's partition and sends once it is stored.
/// </summary>
public sealed class MeetingSession(StoredMeeting stored, RosterEntry person, ChannelIdentity? account, SelfCheckRecord selfCheck, string? selfCheckETag)
{
    public StoredMeeting Stored { get; } = stored;

    public Meeting Meeting => Stored.Meeting;

    public RosterEntry Person { get; } = person;

    public SelfCheckRecord SelfCheck { get; } = selfCheck;

    /// <summary>The self-check's ETag as read; null when the turn creates it.</summary>
    public string? SelfCheckETag { get; } = selfCheckETag;

    public bool IsSecretary => Person.Role == MeetingRole.Secretary;

    /// <summary>Further writes of the meeting's partition, stored in one batch with the self-check.</summary>
    public List<DocumentWrite> Writes { get; } = [];

    /// <summary>Messages for other people of the meeting, sent after the turn is stored.</summary>
    public List<MeetingNotice> Notices { get; } = [];

    /// <summary>The turn opened a round of reminders (提醒): the scheduler is woken once the turn is stored.</summary>
    public bool RemindersDue { get; set; }

    /// <summary>The one question of authorisation (<see cref="MeetingAccess"/>), asked for the account of this turn; a turn the bot starts sees nothing.</summary>
    public bool MaySee(MeetingResource resource, string? owner = null) =>
        account is not null && MeetingAccess.MaySee(Meeting, account, resource, owner);
}

/// <summary>A message for people of a meeting (by person id); <see cref="Key"/> makes it go out once.</summary>
public sealed record MeetingNotice(IReadOnlyList<string> PersonIds, string Key, Notice Notice);

/// <summary>
/// Finds the meeting a conversation works on (docs/architecture.md, "Meetings in the store"): the
/// one it is bound to, checked against the meeting's roster on every turn; else, when it is time to
/// look (a new conversation, <see cref="MeetingOptions.RosterCheckInterval"/>, or asked), the
/// meetings the account index lists, each checked against its roster.
/// </summary>
public sealed class MeetingSessions(MeetingStore meetings, IDocumentStore store, IOptions<MeetingOptions> options, TimeProvider time)
{
    /// <summary>The session of the meeting the conversation is bound to, or null; clears a binding the roster no longer holds.</summary>
    /// <param name="account">Who acts; null for a turn the bot starts.</param>
    public async Task<MeetingSession?> OpenAsync(ConversationRecord record, ChannelIdentity? account, CancellationToken cancellationToken)
    {
        if (record.Meeting is { } binding)
        {
            if (await meetings.ReadAsync(binding.MeetingId, cancellationToken) is { } stored
                && stored.Meeting.Person(binding.PersonId) is { } person
                && (account is null || person.Identities.Contains(account)))
            {
                return await SessionAsync(record, stored, person, account, cancellationToken);
            }

            // Taken off the roster, or the meeting is gone: the conversation goes back to its own self-check.
            record.Meeting = null;
        }

        return null;
    }

    /// <summary>
    /// Looks up the account's meetings when it is time (or <paramref name="now"/> asks): one meeting
    /// binds the conversation to it; several are offered to choose from. Returns the meetings found.
    /// </summary>
    public async Task<IReadOnlyList<StoredMeeting>> LookUpAsync(ConversationRecord record, ChannelIdentity account, bool now, CancellationToken cancellationToken)
    {
        var checkedAt = time.GetUtcNow();
        if (!now && checkedAt - record.MeetingsCheckedAt < options.Value.RosterCheckInterval)
        {
            return [];
        }

        record.MeetingsCheckedAt = checkedAt;
        var found = new List<StoredMeeting>();
        foreach (var membership in await meetings.MembershipsAsync(account, cancellationToken))
        {
            if (await meetings.ReadAsync(membership.MeetingId, cancellationToken) is { } stored && stored.Meeting.EntryOf(account) is not null)
            {
                found.Add(stored);
            }
        }

        if (found.Count == 1)
        {
            Bind(record, found[0].Meeting, account);
        }
        else if (found.Count > 1 && record.Meeting is null)
        {
            record.MeetingChoices = [.. found.Select(m => m.Meeting.Id)];
        }

        return found;
    }

    /// <summary>Binds the conversation to a meeting the account is on the roster of.</summary>
    public static void Bind(ConversationRecord record, Meeting meeting, ChannelIdentity account)
    {
        record.Meeting = new MeetingBinding(meeting.Id, meeting.EntryOf(account)!.PersonId);
        record.MeetingChoices = [];
    }

    private async Task<MeetingSession> SessionAsync(ConversationRecord record, StoredMeeting stored, RosterEntry person, ChannelIdentity? account, CancellationToken cancellationToken)
    {
        var key = SelfCheckRecord.KeyOf(stored.Meeting.Id, person.PersonId);
        if (await store.ReadAsync(key, cancellationToken) is { } document)
        {
            return new MeetingSession(stored, person, account, SelfCheckRecord.FromJson(document.Body), document.ETag);
        }

        // The first turn in this meeting: a personal self-check begun before carries over, so no answer is given twice.
        var selfCheck = new SelfCheckRecord
        {
            MeetingId = stored.Meeting.Id,
            PersonId = person.PersonId,
            Dialog = record.Dialog.Submitted ? new DialogState() : Copy(record.Dialog),
        };
        return new MeetingSession(stored, person, account, selfCheck, null);
    }

    /// <summary>A deep copy of answers (a personal self-check carried into a meeting, a submission frozen).</summary>
    public static DialogState Copy(DialogState state) =>
        JsonSerializer.Deserialize(JsonSerializer.SerializeToElement(state, StoredJson.Context.DialogState), StoredJson.Context.DialogState)!;
}
