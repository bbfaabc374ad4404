using System.Text.Json;
using BenchmarkDotNet.Attributes;
using MeetingBot.Materials.Checking;
using MeetingBot.Materials.Drafts;
using MeetingBot.Materials.OpenXml;
using MeetingBot.Materials.Outline;
using MeetingBot.Materials.Team;
using MeetingBot.Channels.BotFramework;
using MeetingBot.Conversations;
using MeetingBot.Dialogs.Bank;
using MeetingBot.Dialogs.Engine;
using Microsoft.AspNetCore.Http;

namespace MicroBenchmarks;

/// <summary>
/// The parts of one turn, on the real content (dialogs/, templates/) and a real complete
/// self-check: the answers of tests/MeetingBot.Conversations.Tests/Golden/full.answers.txt, the
/// golden draft's input, so the draft rendered here is the one the golden test checks. The Word
/// export writes that same draft, as the outline the Word export's tests use.
/// </summary>
public class TurnParts
{
    /// <summary>An answer to a text step that passes the "concrete" validator (it has a number).</summary>
    private const string TextAnswer = "比如2025年3月研究老旧小区改造资金拨付时，没有先学习相关政策文件，导致2个项目返工";

    private static readonly ConversationContext Context = ConversationContext.Empty;

    private DialogEngine _engine = null!;
    private ReplyRenderer _renderer = null!;
    private DraftRenderer _drafts = null!;
    private DialogState _midway = null!;
    private string _midwayKey = null!;
    private IReadOnlyList<DialogEvent> _askEvents = null!;
    private DialogState _complete = null!;
    private string _storedRecord = null!;
    private byte[] _activity = null!;
    private WordDocumentWriter _wordWriter = null!;
    private DocumentOutline _fullDraft = null!;
    private DraftComposer _composer = null!;
    private MaterialChecker _checker = null!;
    private RenderedDraft _renderedDraft = null!;
    private TeamDraftRenderer _teamDrafts = null!;
    private (string Name, ConversationContext Context)[] _members = null!;
    private TeamMeeting _meeting = null!;

    [GlobalSetup]
    public void Setup()
    {
        var content = ConversationServiceCollectionExtensions.LoadContent(new ContentOptions());
        var (catalog, templates, checker) = (content.Catalog, content.Templates, content.Checker);
        var bank = catalog.Default;
        _composer = new DraftComposer(catalog);
        _drafts = new DraftRenderer(_composer, templates);
        _teamDrafts = new TeamDraftRenderer(new TeamDraftComposer(), templates);
        _checker = checker;
        var checks = new DraftChecks(_drafts, checker);
        _engine = new DialogEngine(catalog, checks);
        _wordWriter = new WordDocumentWriter(Microsoft.Extensions.Options.Options.Create(new WordLayoutOptions()));
        _renderer = new ReplyRenderer(_engine, templates, _drafts, checks, _wordWriter);
        var answers = File.ReadAllLines(RepositoryFile("tests/MeetingBot.Conversations.Tests/Golden/full.answers.txt")).Where(l => l.Length > 0).ToArray();

        _complete = Replay(answers);
        _midway = Replay([]);
        for (var next = 0; next < answers.Length / 2 || Current(bank, _midway)?.Kind != StepKind.Text; next++)
        {
            _engine.Handle(_midway, Context, answers[next]);
        }

        _midwayKey = Current(bank, _midway)!.Key;
        _engine.Handle(_midway, Context, TextAnswer);
        if (!_midway.Answers.ContainsKey(_midwayKey))
        {
            throw new InvalidOperationException($"The answer was not accepted at {_midwayKey}; the benchmark would not measure the same step every time.");
        }

        _midway.Answers.Remove(_midwayKey);
        _askEvents = EngineStep();

        var review = _engine.Handle(_complete, Context, "查看草稿").Events;
        var record = new ConversationRecord
        {
            ChannelId = "msteams",
            ConversationId = "a:1pErSoNaLcHaT_Id-ForTeams",
            UserId = "29:1Xyz-TeamsUserId_aBcD",
            Dialog = _complete,
            LastReplies = [.. _renderer.Render(review, _complete, Context).Replies],
            RecentActivityIds = [.. Enumerable.Range(0, ConversationRecord.RememberedActivities).Select(i => $"17320905021{i:D2}")],
            UpdatedAt = DateTimeOffset.UnixEpoch,
        };
        _storedRecord = record.ToJson().GetRawText();
        _activity = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "typical-activity.json"));
        _renderedDraft = _drafts.Render(_complete, Context);
        _fullDraft = _renderedDraft.Outline;

        // Fifty members who each submitted the complete self-check, each under their own name.
        _members = [.. Enumerable.Range(1, 50).Select(i => ($"成员{i:D2}", Context with { Facts = new Dictionary<string, string> { ["name"] = $"成员{i:D2}" } }))];
        _meeting = new TeamMeeting("市交通运输局党组2025年度民主生活会", "市交通运输局党组", "annual", [], "2025年12月20日");
    }

    /// <summary>One engine step: a text answer midway through the self-check, then the next question chosen. The answer is taken back so every call sees the same state.</summary>
    [Benchmark(Description = "one engine step")]
    public IReadOnlyList<DialogEvent> EngineStep()
    {
        var events = _engine.Handle(_midway, Context, TextAnswer).Events;
        _midway.Answers.Remove(_midwayKey);
        return events;
    }

    [Benchmark(Description = "rendering the next question (Scriban)")]
    public IReadOnlyList<BotReply> RenderQuestion() => _renderer.Render(_askEvents, _midway, Context).Replies;

    [Benchmark(Description = "rendering a full personal draft")]
    public string RenderDraft() => _drafts.Render(_complete, Context).Text;

    /// <summary>What the review runs on the draft (提交 then finds the result kept): every rule of dialogs/checks.yaml.</summary>
    [Benchmark(Description = "checking a full personal draft")]
    public IReadOnlyList<Finding> CheckDraft() => _checker.Check(_renderedDraft.Text);

    [Benchmark(Description = "exporting a full personal draft to Word (.docx)")]
    public byte[] ExportWord() => _wordWriter.Write(_fullDraft);

    /// <summary>
    /// 汇总 of a meeting with 50 submitted drafts, as the secretary's view computes it once the one
    /// query of the meeting's partition has returned: each member's draft model from their frozen
    /// answers, then the team draft merged and rendered with its appendix.
    /// </summary>
    [Benchmark(Description = "meetings aggregation: 汇总 of 50 submitted drafts")]
    public RenderedTeamDraft AggregateMeeting()
    {
        var members = _members.Select((m, i) => new MemberMaterial($"p{i}", m.Name, null, _composer.Compose(_complete, m.Context))).ToArray();
        return _teamDrafts.Render(_meeting, members);
    }

    [Benchmark(Description = "parsing a typical Activity")]
    public async Task<Activity?> ParseActivity()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = _activity.Length;
        context.Request.Body = new MemoryStream(_activity, writable: false);
        return (await ActivityReader.ReadAsync(context.Request, CancellationToken.None)).Activity;
    }

    /// <summary>What the store does to the conversation document every turn: parse it, read the record, write it back.</summary>
    [Benchmark(Description = "conversation document read + write (JSON)")]
    public string RecordRoundTrip()
    {
        using var document = JsonDocument.Parse(_storedRecord);
        return ConversationRecord.FromJson(document.RootElement).ToJson().GetRawText();
    }

    private DialogState Replay(IEnumerable<string> answers)
    {
        var state = new DialogState();
        _engine.Start(state, Context);
        foreach (var answer in answers)
        {
            _engine.Handle(state, Context, answer);
        }

        return state;
    }

    private static QuestionInstance? Current(QuestionBank bank, DialogState state) =>
        QuestionPlan.Current(QuestionPlan.Expand(bank, new AnswerView(state, Context)), state);

    private static string RepositoryFile(string path)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, path);
            if (File.Exists(file))
            {
                return file;
            }
        }

        throw new FileNotFoundException(path + " not found above " + AppContext.BaseDirectory);
    }
}
