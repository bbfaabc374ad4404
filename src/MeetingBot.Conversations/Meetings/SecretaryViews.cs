using MeetingBot.Conversations.Files;
using MeetingBot.Dialogs.Bank;
using MeetingBot.Dialogs.Engine;
using MeetingBot.Drafting;
using MeetingBot.Materials.Drafts;
using MeetingBot.Materials.OpenXml;
using MeetingBot.Materials.OpenXml.Spreadsheets;
using MeetingBot.Materials.Team;
using MeetingBot.Meetings;
using MeetingBot.Meetings.Storage;
using MeetingBot.Meetings.Themes;
using MeetingBot.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeetingBot.Conversations.Meetings;

/// <summary>
/// What the secretaries of a meeting read: the roster's status (进度) and the aggregates of the
/// submitted materials (汇总, 雷同检查, 整改清单, 导出), each from one query of the meeting's
/// partition. The caller has asked <see cref="MeetingSession.MaySee"/>; every read is audited
/// (<see cref="Audit"/>).
/// </summary>
public sealed class SecretaryViews(
    IDocumentStore store,
    TemplateCatalog templates,
    ReplyRenderer renderer,
    DraftComposer composer,
    DraftRenderer drafts,
    TeamDraftRenderer teamDrafts,
    SimilarityCheck similarity,
    RectificationList rectification,
    WordDocumentWriter word,
    SpreadsheetWriter spreadsheets,
    QuestionBankCatalog catalog,
    ThemeCatalog themes,
    IOptions<ConversationOptions> options,
    TimeProvider time,
    ILogger<SecretaryViews> logger)
{
    public const string AuditKind = "audit";

    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public async Task<MeetingReply> ShowAsync(MeetingSession session, Command command, CancellationToken cancellationToken)
    {
        var records = await SelfChecksAsync(session, cancellationToken);
        if (command == Command.Progress)
        {
            return Reply(templates.Render(MeetingTemplates.Roster, Roster(session.Meeting, records)));
        }

        var submitted = Submitted(session.Meeting, records);
        if (submitted.Count == 0)
        {
            return Reply(Message(MessageKeys.NothingSubmitted));
        }

        var meeting = TeamMeetingOf(session.Meeting);
        if (command == Command.Export)
        {
            var outlines = submitted.Select(s => Material(session.Meeting, s.Person, s.Submission).Outline).ToArray();
            return WithFile(Message(MessageKeys.ExportFileName, ("title", meeting.Title)) + ".docx", MediaTypes.Word, word.Write(outlines));
        }

        var members = submitted.Select(s => MemberOf(session.Meeting, s.Person, s.Submission)).ToArray();
        return command switch
        {
            Command.Summary => Summary(meeting, members),
            Command.Similarity => Reply(SimilarityReport.Render(templates, similarity.Find(members))),
            Command.Rectification => Rectification(meeting, members),
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
        // In time order; the random part keeps two reads of one moment apart.
        var id = $"audit-{at:yyyyMMddHHmmssfffffff}-{session.Person.PersonId}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4))}";
        session.Writes.Add(DocumentWrite.Upsert(new NewDocument(new DocumentKey(MeetingKeys.Partition(session.Meeting.Id), id), AuditKind, entry.ToJson())));
        Log.SecretaryRead(logger, entry.What);
    }

    /// <summary>
    /// A member's submitted material as they handed it in: their frozen answers with the meeting's
    /// facts for them, dated the day they submitted it.
    /// </summary>
    public RenderedDraft Material(Meeting meeting, RosterEntry person, Submission submission) =>
        drafts.Render(submission.Dialog, ContextOf(meeting, person, submission.SubmittedAt));

    /// <summary>
    /// Before a member submits: whether another member's submitted material shares passages of
    /// <paramref name="draft"/> nearly word for word. The warning names no one and quotes only the
    /// member's own words; null when nothing is alike.
    /// </summary>
    public async Task<BotReply?> SimilarityWarningAsync(MeetingSession session, DraftModel draft, CancellationToken cancellationToken)
    {
        var records = await SelfChecksAsync(session, cancellationToken);
        var others = Submitted(session.Meeting, records).Where(s => s.Person.PersonId != session.Person.PersonId)
            .Select(s => MemberOf(session.Meeting, s.Person, s.Submission)).ToArray();
        var own = new MemberMaterial(session.Person.PersonId, session.Person.Name, session.Person.Post, draft);
        var alike = others.Length == 0 ? [] : similarity.Against(own, others).Select(p => p.PassageA).Distinct(StringComparer.Ordinal).ToArray();
        return alike.Length == 0 ? null : new BotReply(Message(MessageKeys.SimilarityWarning, ("count", alike.Length), ("passage", alike[0])), []);
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

    /// <summary>A submitted material as the team's views read it: the draft model of the frozen answers.</summary>
    private MemberMaterial MemberOf(Meeting meeting, RosterEntry person, Submission submission) =>
        new(person.PersonId, person.Name, person.Post, composer.Compose(submission.Dialog, ContextOf(meeting, person, submission.SubmittedAt)));

    /// <summary>
    /// The context a member's answers are read in outside their own turn: the meeting's facts for the
    /// person, on the day of <paramref name="at"/> (a submitted material: the day it was submitted).
    /// </summary>
    public ConversationContext ContextOf(Meeting meeting, RosterEntry person, DateTimeOffset at)
    {
        var channel = new ConversationContext { Today = DateOnly.FromDateTime(LocalTime(at)) };
        return MeetingContext.Of(channel, meeting, person, catalog.Default, themes);
    }

    /// <summary>汇总: the team draft in the chat and as a Word file, then the appendix of who raised what, for the secretary.</summary>
    private MeetingReply Summary(TeamMeeting meeting, IReadOnlyList<MemberMaterial> members)
    {
        var team = teamDrafts.Render(meeting, members);
        var file = WithFile(Message(MessageKeys.TeamDraftFileName, ("title", meeting.Title)) + ".docx", MediaTypes.Word, word.Write(team.Outline));
        return file with { Replies = [new BotReply(team.Text, []) { IsDraft = true }, .. file.Replies, new BotReply(team.Appendix, [])] };
    }

    /// <summary>整改清单: one row per commitment, as a table in the chat and as a workbook.</summary>
    private MeetingReply Rectification(TeamMeeting meeting, IReadOnlyList<MemberMaterial> members)
    {
        var rows = rectification.Rows(meeting, members);
        var name = Message(MessageKeys.RectificationFileName, ("title", meeting.Title));
        var table = new SpreadsheetTable(
            name,
            Message(MessageKeys.RectificationColumns).Split('|'),
            rows.Select(r => (IReadOnlyList<string>)[r.Problem, r.Measure ?? "", r.Owner, r.Deadline ?? "", r.Finding ?? ""]).ToArray());
        var file = WithFile(name + ".xlsx", MediaTypes.Spreadsheet, spreadsheets.Write(table));
        return file with { Replies = [new BotReply(RectificationReport.Render(templates, rows), []), .. file.Replies] };
    }

    /// <summary>A reply that brings a file, and the file, kept with the turn.</summary>
    private MeetingReply WithFile(string name, string mediaType, byte[] content)
    {
        var file = NewFile.Create(name, mediaType, content);
        var reply = new BotReply(Message(MessageKeys.MeetingFileAttached, ("name", name)), []) { Attachments = [file.Attachment] };
        return new MeetingReply([reply]) { Files = [file] };
    }

    /// <summary>The people who have submitted, in roster order, with what they handed in.</summary>
    private static List<(RosterEntry Person, Submission Submission)> Submitted(Meeting meeting, Dictionary<string, SelfCheckRecord> records) =>
        [.. meeting.Roster.Where(p => !p.Removed && records.GetValueOrDefault(p.PersonId)?.Submission is not null).Select(p => (p, records[p.PersonId].Submission!))];

    /// <summary>What the team draft needs of the meeting; it is dated the day the meeting is held, else today.</summary>
    private TeamMeeting TeamMeetingOf(Meeting meeting)
    {
        var day = DateOnly.FromDateTime(LocalTime(meeting.HeldAt ?? time.GetUtcNow()));
        return new TeamMeeting(meeting.Title, meeting.Unit, MeetingFacts.OptionOf(meeting.Kind),
            meeting.Findings.Select(f => new TeamFinding(f.Id, f.Aspect, f.Text)).ToArray(), AnswerParser.FormatDate(day));
    }

    private string Message(string key, params (string Key, object? Value)[] values) => renderer.Message(key, values).Text;

    private static MeetingReply Reply(string text) => new([new BotReply(text, [])]);

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
        var lines = meeting.Members.Select(person =>
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
