using MeetingBot.Meetings.Storage;
using MeetingBot.TestKit;
using MeetingBot.TestKit.Conversations;
using MeetingBot.TestKit.Meetings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MeetingBot.Conversations.Tests;

/// <summary>退回 and 撤回修改 and back again, and one person's self-check on two channels.</summary>
public sealed class MeetingRoundTripTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(SubmittedMeeting.Now);
    private readonly ConversationDriver _bot;

    public MeetingRoundTripTests() => _bot = new(
        time: _time,
        settings: new Dictionary<string, string?> { ["Meetings:Admins:0"] = MeetingScenario.Admin });

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task Returning_withdrawing_and_resubmitting_keeps_every_submitted_version()
    {
        var chat = new PipelineChat(_bot);
        var code = await MeetingScenario.CreateAsync(chat);
        var member = MeetingScenario.LiWeidong;
        await JoinAndSubmitAsync(chat, code, member);

        var returned = await chat.SayAsync(MeetingScenario.Admin, MeetingScenario.SecretaryName, "退回 李卫东 事例不够具体，请补充");
        Assert.Contains("已退回李卫东的材料", returned.Text, StringComparison.Ordinal);
        Assert.Contains("李卫东：已退回", (await chat.SayAsync(MeetingScenario.Admin, MeetingScenario.SecretaryName, "进度")).Text, StringComparison.Ordinal);

        await chat.SayAsync(member.Account, member.Name, "修改 理论学习");
        await Answer(chat, member, ["1", "采用", "工作一忙就把自学往后放", "今年一季度3次中心组集中学习，有2次没有提前准备发言提纲，1次缺席"]);
        Assert.Contains("已提交", (await chat.SayAsync(member.Account, member.Name, "提交")).Text, StringComparison.Ordinal);
        Assert.Contains("已撤回", (await chat.SayAsync(member.Account, member.Name, "撤回修改")).Text, StringComparison.Ordinal);
        Assert.Contains("李卫东：进行中", (await chat.SayAsync(MeetingScenario.Admin, MeetingScenario.SecretaryName, "进度")).Text, StringComparison.Ordinal);
        Assert.Contains("已提交", (await chat.SayAsync(member.Account, member.Name, "提交")).Text, StringComparison.Ordinal);

        var meetingId = await MeetingIdAsync();
        var versions = (await _bot.Store.QueryPartitionAsync(MeetingKeys.Partition(meetingId), DraftVersion.Kind, CancellationToken.None))
            .Select(d => DraftVersion.FromJson(d.Body)).ToArray();
        Assert.Equal(3, versions.Count(v => v.Submitted));
        Assert.Contains(versions, v => v.Submitted && v.Text.Contains("1次缺席", StringComparison.Ordinal));
        Assert.Contains(versions, v => v.Submitted && !v.Text.Contains("1次缺席", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_self_check_begun_on_one_channel_continues_on_another_where_the_person_has_a_second_account()
    {
        var chat = new PipelineChat(_bot);
        var file = MeetingScenario.MeetingFile("test:sec-1").Replace("accounts: [test:m-1]", "accounts: [test:m-1, wecom:liweidong]", StringComparison.Ordinal);
        await MeetingContent.ImportAsync(_bot.Services, file);
        var member = MeetingScenario.LiWeidong;
        var answers = member.Answers(onRoster: true);

        await chat.SayAsync(member.Account, member.Name, "开始");
        await Answer(chat, member, answers.Take(3));
        var onWeCom = await chat.SayAsync("wecom:liweidong", member.Name, "继续");

        Assert.Contains("会前您开展谈心谈话共多少人次", onWeCom.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_the_meeting_file_no_longer_lists_leaves_the_roster_the_secretary_reads()
    {
        var chat = new PipelineChat(_bot);
        var file = MeetingScenario.MeetingFile(MeetingScenario.Admin);
        await MeetingContent.ImportAsync(_bot.Services, file);
        var liuFang = MeetingScenario.LiuFang;
        await MeetingContent.ImportAsync(_bot.Services,
            file.Replace($"  - name: {liuFang.Name}\n    post: {liuFang.Post}\n    areas: {liuFang.Areas}\n    accounts: [{liuFang.Account}]\n", "", StringComparison.Ordinal));

        var roster = (await chat.SayAsync(MeetingScenario.Admin, MeetingScenario.SecretaryName, "进度")).Text;

        Assert.Contains("已提交 0/3 人", roster, StringComparison.Ordinal);
        Assert.DoesNotContain(liuFang.Name, roster, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_whose_draft_copies_a_submitted_one_is_warned_at_the_review_without_learning_whose_it_is()
    {
        var chat = new PipelineChat(_bot);
        var code = await MeetingScenario.CreateAsync(chat);
        var reviews = new Dictionary<string, string>();
        foreach (var member in new[] { MeetingScenario.LiWeidong, MeetingScenario.ZhangXiaohong, MeetingScenario.ChenJianguo })
        {
            reviews[member.Name] = (await JoinAndSubmitAsync(chat, code, member)).Text;
        }

        Assert.Contains("几乎相同", reviews["陈建国"], StringComparison.Ordinal);
        Assert.Contains(MeetingScenario.CopiedExample, reviews["陈建国"], StringComparison.Ordinal);
        Assert.DoesNotContain("李卫东", reviews["陈建国"], StringComparison.Ordinal);
        Assert.DoesNotContain("几乎相同", reviews["张晓红"], StringComparison.Ordinal);
        Assert.DoesNotContain("几乎相同", reviews["李卫东"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_read_of_a_secretary_is_audited_with_who_what_and_when_and_a_refused_command_leaves_nothing()
    {
        var chat = new PipelineChat(_bot);
        var code = await MeetingScenario.CreateAsync(chat);
        var member = MeetingScenario.LiWeidong;
        await JoinAndSubmitAsync(chat, code, member);
        await chat.SayAsync(member.Account, member.Name, "汇总");
        foreach (var read in new[] { "进度", "查看材料 李卫东", "汇总" })
        {
            _time.Advance(TimeSpan.FromMinutes(1));
            await chat.SayAsync(MeetingScenario.Admin, MeetingScenario.SecretaryName, read);
        }

        var meeting = (await _bot.Services.GetRequiredService<MeetingStore>().ReadAsync(await MeetingIdAsync(), CancellationToken.None))!.Meeting;
        var secretary = Assert.Single(meeting.Secretaries);
        var audit = (await _bot.Store.QueryPartitionAsync(MeetingKeys.Partition(meeting.Id), "audit", CancellationToken.None)).Select(d => d.Body).ToArray();
        Assert.Equal(["progress", "view", "summary"], audit.Select(a => a.GetProperty("what").GetString()));
        Assert.All(audit, a => Assert.Equal(secretary.PersonId, a.GetProperty("personId").GetString()));
        Assert.Equal([1, 2, 3], audit.Select(a => (int)(a.GetProperty("at").GetDateTimeOffset() - SubmittedMeeting.Now).TotalMinutes));
        // Who, what and when only: no name, no text of the material.
        Assert.All(audit, a => Assert.Equal(["personId", "what", "at"], a.EnumerateObject().Select(p => p.Name)));
    }

    private async Task<string> MeetingIdAsync() =>
        (await _bot.Services.GetRequiredService<MeetingStore>().FindAsync(MeetingScenario.Unit, MeetingScenario.Title, CancellationToken.None))!.Meeting.Id;

    /// <summary>The member joins with the code, answers their script and submits; returns the review they submitted from.</summary>
    private static async Task<ChatReply> JoinAndSubmitAsync(PipelineChat chat, string code, ScenarioMember member)
    {
        await chat.SayAsync(member.Account, member.Name, "加入 " + code);
        ChatReply review = new([], []);
        foreach (var answer in member.Answers(onRoster: false))
        {
            review = await chat.SayAsync(member.Account, member.Name, answer);
        }

        await chat.SayAsync(member.Account, member.Name, "提交");
        return review;
    }

    private static async Task Answer(PipelineChat chat, ScenarioMember member, IEnumerable<string> answers)
    {
        foreach (var answer in answers)
        {
            await chat.SayAsync(member.Account, member.Name, answer);
        }
    }
}
