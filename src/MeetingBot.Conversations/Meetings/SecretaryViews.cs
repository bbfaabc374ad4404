using MeetingBot.Dialogs.Bank;
using MeetingBot.Dialogs.Engine;
using MeetingBot.Drafting;
using MeetingBot.Materials.Drafts;
using MeetingBot.Meetings;
using MeetingBot.Meetings.Storage;
using MeetingBot.Meetings.Themes;
using MeetingBot.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeetingBot.Conversations.Meetings;

/// <summary>
/// What the secretaries of a meeting read: the roster's status (进度) and the aggregates of the
/// submitted materials, each from one query of the meeting's partition. The caller has asked
/// <see cref="MeetingSession.MaySee"/>; every read is audited (<see cref="Audit"/>).
/// </summary>
public sealed class SecretaryViews(IDocumentStore store, TemplateCatalog templates, DraftRenderer drafts, QuestionBankCatalog catalog, ThemeCatalog themes, IOptions<ConversationOptions> options, TimeProvider time, ILogger<SecretaryViews> logger)
{
    public const string AuditKind = "audit";

    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public async Task<MeetingReply> ShowAsync(MeetingSession session, Command command, CancellationToken cancellationToken)
    {
        var members = await SelfChecksAsync(session, cancellationToken);
        return command switch
        {
            Command.Progress => new MeetingReply([new BotReply(templates.Render(MeetingTemplates.Roster, Roster(session.Meeting, members)), [])]),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Not a view of the secretaries."),
        };
    }

    /// <summary>
    /// Every secretary read leaves a record in the meeting (who, what, when; never the content),
    /// written with the turn, and a log line that names no one.
    /// </summary>
    public void Audit(MeetingSession session, Command command)
    {
        var at = time.GetUtcNow();
        var entry = new AuditEntry(session.Person.PersonId, CommandWords.NameOf(command), at);
        var id = $"audit-{at:yyyyMMddHHmmssfffffff}-{session.Person.PersonId}";
        session.Writes.Add(DocumentWrite.Upsert(new NewDocument(new DocumentKey(MeetingKeys.Partition(session.Meeting.Id), id), AuditKind, entry.ToJson())));
        Log.SecretaryRead(logger, entry.What);
    }

    /// <summary>
    /// A member's submitted material as they handed it in: their frozen answers with the meeting's
    /// facts for them, dated the day they submitted it.
    /// </summary>
    public RenderedDraft Material(Meeting meeting, RosterEntry person, Submission submission)
    {
        var channel = new ConversationContext { Today = DateOnly.FromDateTime(LocalTime(submission.SubmittedAt)) };
        return drafts.Render(submission.Dialog, MeetingContext.Of(channel, meeting, person, catalog.Default, themes));
    }

    /// <summary>The meetings to choose from (我的会议), numbered.</summary>
    public BotReply MeetingList(IReadOnlyList<StoredMeeting> meetings)
    {
        var items = meetings.Select((m, i) => new MeetingListItem(i + 1, m.Meeting.Title, m.Meeting.HeldAt is { } at ? LocalTime(at) : null)).ToArray();
        return new BotReply(templates.Render(MeetingTemplates.MeetingList, new MeetingListModel(items)), items.Select(i => i.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
    }

    public async Task<(SelfCheckRecord Record, string ETag)?> ReadSelfCheckAsync(DocumentKey key, CancellationToken cancellationToken) =>
        await store.ReadAsync(key, cancellationToken) is { } stored ? (SelfCheckRecord.FromJson(stored.Body), stored.ETag) : null;

    /// <summary>A moment as the meeting's people read it: local time where the meetings are held.</summary>
    public DateTime LocalTime(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, _zone).DateTime;

    /// <summary>The self-checks of the meeting's people: one single-partition query.</summary>
    private async Task<Dictionary<string, SelfCheckRecord>> SelfChecksAsync(MeetingSession session, CancellationToken cancellationToken)
    {
        var documents = await store.QueryPartitionAsync(MeetingKeys.Partition(session.Meeting.Id), SelfCheckRecord.Kind, cancellationToken);
        var records = documents.Select(d => SelfCheckRecord.FromJson(d.Body)).ToDictionary(r => r.PersonId, StringComparer.Ordinal);
        // The secretary's own self-check as this turn has it, not as stored before it.
        records[session.SelfCheck.PersonId] = session.SelfCheck;
        return records;
    }

    private RosterModel Roster(Meeting meeting, Dictionary<string, SelfCheckRecord> records)
    {
        var lines = meeting.Roster.Where(e => e.Role == MeetingRole.Member).Select(person =>
        {
            var record = records.GetValueOrDefault(person.PersonId);
            var status = record?.Status ?? MemberStatus.NotStarted;
            return new RosterLine(person.Name, person.Post, System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString()),
                record is { Dialog.Answers.Count: > 0 } ? LocalTime(record.UpdatedAt) : null, record?.Returned?.Comment);
        }).ToArray();
        return new RosterModel(meeting.Title, meeting.Deadline is { } deadline ? LocalTime(deadline) : null, lines.Count(l => l.Status == "submitted"), lines.Length, lines);
    }
}

/// <summary>A secretary's read: who (person id), what (the command), when.</summary>
public sealed record AuditEntry(string PersonId, string What, DateTimeOffset At)
{
    public System.Text.Json.JsonElement ToJson() => System.Text.Json.JsonSerializer.SerializeToElement(this, StoredJson.Context.AuditEntry);
}
