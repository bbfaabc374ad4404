using DocumentFormat.OpenXml.Packaging;
using MeetingBot.TestKit;
using MeetingBot.TestKit.Meetings;
using Xunit;

namespace MeetingBot.Conversations.Tests;

/// <summary>What the secretary of the scenario's meeting reads once three of four members have submitted.</summary>
public sealed class MeetingScenarioTests(SubmittedMeeting meeting) : IClassFixture<SubmittedMeeting>
{
    private static readonly string Golden = Path.Combine("tests", "MeetingBot.Conversations.Tests", "Golden", "meeting");

    [Fact]
    public async Task The_roster_shows_three_submitted_and_one_in_progress()
    {
        var roster = await meeting.SecretaryAsync("进度");

        await GoldenFile.AssertMatchesAsync(Path.Combine(Golden, "progress.txt"), roster.Text);
    }

    [Fact]
    public async Task A_submitted_material_shows_the_findings_the_member_took_up_with_their_examples_and_measures()
    {
        var material = await meeting.SecretaryAsync("查看材料 李卫东");

        await GoldenFile.AssertMatchesAsync(Path.Combine(Golden, "liweidong.material.txt"), material.Text);
    }

    [Fact]
    public async Task Viewing_asks_for_a_name_and_says_when_the_member_has_not_submitted()
    {
        var how = await meeting.SecretaryAsync("查看材料");
        var notYet = await meeting.SecretaryAsync("查看材料 刘芳");

        Assert.Equal("请回复“查看材料”加姓名，例如“查看材料 李卫东”。", how.Text);
        Assert.Equal("刘芳目前还没有提交材料。可回复“进度”查看名单情况。", notYet.Text);
    }

    [Fact]
    public async Task The_team_draft_merges_the_members_problems_names_no_member_and_comes_as_a_word_file_with_an_appendix_for_the_secretary()
    {
        var summary = await meeting.SecretaryAsync("汇总");

        var (draft, appendix) = (summary.Texts[0], summary.Texts[^1]);
        await GoldenFile.AssertMatchesAsync(Path.Combine(Golden, "summary.txt"), draft);
        await GoldenFile.AssertMatchesAsync(Path.Combine(Golden, "summary.appendix.txt"), appendix);
        Assert.All(MeetingScenario.Members.Select(m => m.Name), name => Assert.DoesNotContain(name, draft, StringComparison.Ordinal));
        // Three members kept the same checklist problem of their learning: it is one item.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(draft, "理论学习的主动性和自觉性不够"));
        Assert.Contains("干部队伍结构不优", appendix, StringComparison.Ordinal);
        var file = Assert.Single(summary.Files);
        Assert.EndsWith("班子对照检查材料（草稿）.docx", file.Name, StringComparison.Ordinal);
        using var word = WordprocessingDocument.Open(new MemoryStream(file.Content), isEditable: false);
        Assert.Contains("对照检查材料", word.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_rectification_list_has_a_row_per_commitment_in_the_chat_and_in_the_workbook()
    {
        var list = await meeting.SecretaryAsync("整改清单");

        await GoldenFile.AssertMatchesAsync(Path.Combine(Golden, "rectification.txt"), list.Texts[0]);
        var rows = MeetingScenario.RectificationRows(list);
        Assert.Contains(rows, r => r[2] == "李卫东" && r[3] == "2027年3月底前" && r[4].Contains("低保动态管理不到位", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_similarity_check_finds_the_copied_paragraph_and_names_both_members()
    {
        var report = await meeting.SecretaryAsync("雷同检查");

        Assert.Contains(MeetingScenario.CopiedExample, report.Text, StringComparison.Ordinal);
        MeetingScenario.AssertSimilarityNamesTheCopy(report);
    }

    [Fact]
    public async Task The_export_holds_every_submitted_material_in_one_word_file()
    {
        var export = await meeting.SecretaryAsync("导出");

        var file = Assert.Single(export.Files);
        using var word = WordprocessingDocument.Open(new MemoryStream(file.Content), isEditable: false);
        var text = word.MainDocumentPart!.Document.Body!.InnerText;
        Assert.All(MeetingScenario.Members.Where(m => m.Submits), m => Assert.Contains(m.Name, text, StringComparison.Ordinal));
        Assert.DoesNotContain(MeetingScenario.LiuFang.Name, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_members_prompt_card_holds_their_problems_claims_and_commitments_for_the_meeting()
    {
        var card = await meeting.Chat.SayAsync(MeetingScenario.LiWeidong.Account, MeetingScenario.LiWeidong.Name, "提示");

        await GoldenFile.AssertMatchesAsync(Path.Combine(Golden, "liweidong.prompt.txt"), card.Text);
    }

    [Fact]
    public async Task The_prompt_card_of_a_member_half_way_says_what_is_still_to_fill_and_someone_on_no_roster_is_told_how_to_join()
    {
        var halfWay = await meeting.Chat.SayAsync(MeetingScenario.LiuFang.Account, MeetingScenario.LiuFang.Name, "提示");
        var stranger = await meeting.Chat.SayAsync("test:stranger", "孙丽", "提示");

        Assert.Contains("一、我查摆的主要问题\n尚未查摆", halfWay.Text, StringComparison.Ordinal);
        Assert.Contains("局机关三楼会议室", halfWay.Text, StringComparison.Ordinal);
        Assert.Contains("您目前不在任何会议的名单中", stranger.Text, StringComparison.Ordinal);
    }
}
