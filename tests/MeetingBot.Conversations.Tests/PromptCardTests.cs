using DocumentFormat.OpenXml.Packaging;
using MeetingBot.Conversations.Meetings;
using MeetingBot.Materials.Outline;
using MeetingBot.Meetings;
using MeetingBot.Meetings.Checklists;
using MeetingBot.TestKit;
using MeetingBot.TestKit.Conversations;
using MeetingBot.TestKit.Meetings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MeetingBot.Conversations.Tests;

/// <summary>
/// 提示 and 记一条批评意见 for the scenario's meeting, imported with its roster: the card of a member
/// half-way and of one who never started, the checklist of each meeting kind, the points of 相互批评
/// only their author sees, and the card rendered outside a turn as the reminder will send it.
/// </summary>
public sealed class PromptCardTests : IDisposable
{
    private const string Secretary = "test:sec-1";
    private const string Note = "对分管科室干部的日常管理失之于宽，去年两次考勤通报后没有跟进谈话";
    private static readonly string Golden = Path.Combine("tests", "MeetingBot.Conversations.Tests", "Golden", "meeting");

    private readonly ConversationDriver _bot = new(time: new FakeTimeProvider(SubmittedMeeting.Now));
    private readonly PipelineChat _chat;

    public PromptCardTests() => _chat = new PipelineChat(_bot);

    public void Dispose() => _bot.Dispose();

    public static TheoryData<MeetingKind> Kinds => [.. Enum.GetValues<MeetingKind>()];

    [Fact]
    public async Task A_member_half_way_sees_their_own_answers_and_what_is_still_missing_and_nothing_else()
    {
        await ImportAsync();
        var member = MeetingScenario.LiWeidong;
        // Up to how the learning problem shows in their work: its example is not given yet.
        await SayAllAsync(member, ["开始", .. member.Answers(onRoster: true).Take(15)]);

        var card = await _chat.SayAsync(member.Account, member.Name, "提示");

        await GoldenFile.AssertMatchesAsync(Path.Combine(Golden, "liweidong.gaps.prompt.txt"), card.Text);
        Assert.Contains("学习主动性不强：事例待补充", card.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("今年一季度", card.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_who_never_started_is_told_how_to_start_and_the_card_outside_a_turn_says_the_same()
    {
        var meeting = await ImportAsync();
        var member = MeetingScenario.ZhangXiaohong;

        var card = await _chat.SayAsync(member.Account, member.Name, "提示");

        Assert.Contains("您还没有开始为这次会议准备材料。回复“开始自查”即可开始", card.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("我查摆的主要问题", card.Text, StringComparison.Ordinal);
        var outside = Prompts.Card(meeting, Person(meeting, member), selfCheck: null);
        Assert.Equal(card.Text, outside.Text);
        Assert.Equal(new OutlineBlock(BlockKind.Title, MeetingScenario.Title + "会前提示"), outside.Card!.Blocks[0]);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_checklist_is_the_one_of_the_meetings_kind(MeetingKind kind)
    {
        var meeting = await ImportAsync() with { Kind = kind };
        var checklist = _bot.Services.GetRequiredService<MeetingChecklists>().For(kind);

        var card = Prompts.Card(meeting, Person(meeting, MeetingScenario.LiuFang), selfCheck: null);

        var lines = card.Card!.Blocks.Select(b => b.Text).ToList();
        var start = lines.FindIndex(line => line.EndsWith("、会前核对事项", StringComparison.Ordinal)) + 2;
        Assert.Equal(checklist.Select((item, i) => $"{i + 1}. {item}"), lines.Skip(start).Take(checklist.Count));
        Assert.Equal(MeetingKinds.IsInspection(kind), card.Text.Contains("反馈问题认领整改情况", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Points_of_criticism_are_on_their_authors_card_only_and_in_no_secretary_view()
    {
        await ImportAsync();
        var author = MeetingScenario.LiWeidong;
        var other = MeetingScenario.ZhangXiaohong;
        foreach (var member in new[] { author, other })
        {
            await SayAllAsync(member, ["开始", .. member.Answers(onRoster: true), "提交"]);
        }

        var how = await _chat.SayAsync(author.Account, author.Name, "记一条批评意见");
        var noted = await _chat.SayAsync(author.Account, author.Name, "记一条批评意见 " + Note);
        await _chat.SayAsync(author.Account, author.Name, "记一条批评意见：会上发言多讲成绩");

        Assert.Contains("例如“记一条批评意见 ", how.Text, StringComparison.Ordinal);
        Assert.Equal("已记下这条批评意见，仅您本人可见，回复“提示”可在会前提示中查看。", noted.Text);
        var own = await _chat.SayAsync(author.Account, author.Name, "提示");
        Assert.Contains($"您记下的批评意见（仅您本人可见）：\n1. {Note}\n2. 会上发言多讲成绩\n", own.Text, StringComparison.Ordinal);
        var others = await _chat.SayAsync(other.Account, other.Name, "提示");
        Assert.Contains("您还没有记下批评意见", others.Text, StringComparison.Ordinal);
        foreach (var view in new[] { "进度", "查看材料 李卫东", "汇总", "整改清单", "导出" })
        {
            var reply = await _chat.SayAsync(Secretary, MeetingScenario.SecretaryName, view);
            var files = reply.Files.Where(f => f.Name.EndsWith(".docx", StringComparison.Ordinal)).Select(f => WordText(f.Content));
            Assert.All([reply.Text, .. files], text => Assert.DoesNotContain("分管科室干部的日常管理", text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_point_noted_in_the_middle_of_the_self_check_leaves_the_question_it_interrupted_waiting()
    {
        await ImportAsync();
        var member = MeetingScenario.LiWeidong;
        var answers = member.Answers(onRoster: true);
        await SayAllAsync(member, ["开始", .. answers.Take(15)]);

        var noted = await _chat.SayAsync(member.Account, member.Name, "记一条批评意见 " + Note);
        await SayAllAsync(member, [.. answers.Skip(15), "提交"]);

        Assert.Equal("已记下这条批评意见，仅您本人可见，回复“提示”可在会前提示中查看。", noted.Text);
        var card = await _chat.SayAsync(member.Account, member.Name, "提示");
        Assert.Contains($"您记下的批评意见（仅您本人可见）：\n1. {Note}\n", card.Text, StringComparison.Ordinal);
        // The answers after the note went to the questions they were written for, so the material
        // submitted is the one of the same answers given without a pause.
        var material = await _chat.SayAsync(Secretary, MeetingScenario.SecretaryName, "查看材料 李卫东");
        await GoldenFile.AssertMatchesAsync(Path.Combine(Golden, "liweidong.material.txt"), material.Text);
        Assert.DoesNotContain(Note, material.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repeated_delivery_of_the_command_replays_the_same_card()
    {
        await ImportAsync();
        var member = PipelineChat.Account(MeetingScenario.LiuFang.Account);
        var input = new TurnInput
        {
            ChannelId = member.ChannelId,
            ConversationId = "conversation-" + member.UserId,
            UserId = member.UserId,
            ActivityId = "prompt-1",
            Kind = TurnKind.Message,
            Text = "提示",
        };

        var first = await _bot.Pipeline.ProcessAsync(input, CancellationToken.None);
        var again = await _bot.Pipeline.ProcessAsync(input, CancellationToken.None);

        Assert.Equal(TurnOutcome.Duplicate, again.Outcome);
        var (card, replayed) = (Assert.Single(first.Replies), Assert.Single(again.Replies));
        Assert.Equal(card.Text, replayed.Text);
        Assert.Equal(card.Card!.Blocks, replayed.Card!.Blocks);
    }

    private PromptCards Prompts => _bot.Services.GetRequiredService<PromptCards>();

    private Task<Meeting> ImportAsync() => MeetingContent.ImportAsync(_bot.Services, MeetingScenario.MeetingFile(Secretary));

    private static RosterEntry Person(Meeting meeting, ScenarioMember member) => meeting.EntryOf(PipelineChat.Account(member.Account))!;

    private async Task SayAllAsync(ScenarioMember member, IEnumerable<string> texts)
    {
        foreach (var text in texts)
        {
            await _chat.SayAsync(member.Account, member.Name, text);
        }
    }

    private static string WordText(byte[] content)
    {
        using var word = WordprocessingDocument.Open(new MemoryStream(content), isEditable: false);
        return word.MainDocumentPart!.Document.Body!.InnerText;
    }
}
