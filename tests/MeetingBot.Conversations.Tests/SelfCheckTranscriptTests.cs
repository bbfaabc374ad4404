using MeetingBot.TestKit.Conversations;
using Xunit;

namespace MeetingBot.Conversations.Tests;

/// <summary>Scripted conversations through the real pipeline: send this, expect that reply.</summary>
public sealed class SelfCheckTranscriptTests : IDisposable
{
    private readonly ConversationDriver _bot = new();

    /// <summary>Answers up to the learning problems question (annual meeting, name asked).</summary>
    public static readonly string[] ThroughProfileAndPreparation = ["1", "张明", "市交通运输局", "党组成员、副局长", "综合规划、财务审计", "26", "18", "党的二十届四中全会精神"];

    [Fact]
    public async Task The_first_contact_greets_and_asks_the_meeting_kind_with_buttons()
    {
        await _bot.StartAsync();

        Assert.Equal(2, _bot.Replies.Count);
        Assert.Contains("民主生活会准备助手", _bot.Replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("会议的类别", _bot.Last.Text, StringComparison.Ordinal);
        Assert.Equal(["年度民主生活会", "巡视巡察整改专题民主生活会", "组织生活会", "其他专题民主生活会"], _bot.Last.Choices);
    }

    [Fact]
    public async Task A_name_known_from_the_channel_is_not_asked()
    {
        using var named = new ConversationDriver(userName: "李红");
        await named.StartAsync();

        await named.ExpectAsync("年度民主生活会", "所在单位");
        Assert.Contains("李红", await named.DraftAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unrecognised_choice_explains_and_repeats_the_same_question()
    {
        await _bot.StartAsync();

        await _bot.SendAsync("第五种");

        Assert.Contains("没能识别", _bot.Replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("会议的类别", _bot.Last.Text, StringComparison.Ordinal);
        Assert.Empty((await _bot.StateAsync()).Answers);
    }

    [Fact]
    public async Task Multi_choice_accepts_numbers_with_any_separator_and_option_texts()
    {
        await _bot.SendAllAsync(ThroughProfileAndPreparation);
        await _bot.SendAsync("1、3");
        Assert.Equal(["learning_passive", "learning_apply"], (await _bot.StateAsync()).Answers["learning_problems"].Selected);

        await _bot.ExpectAsync("上一步", "当前回答：学习主动性不强、学用结合不紧密");
        await _bot.SendAsync("学习不够系统深入");
        Assert.Equal(["learning_shallow"], (await _bot.StateAsync()).Answers["learning_problems"].Selected);
    }

    [Fact]
    public async Task A_vague_example_is_asked_again_once_then_accepted_as_a_gap()
    {
        await _bot.SendAllAsync([.. ThroughProfileAndPreparation, "2"]);

        await _bot.ExpectAsync("学得不够好", "不够具体");
        await _bot.ExpectAsync("确实想不起来", "待补充");

        var state = await _bot.StateAsync();
        Assert.True(state.Answers["learning_examples/learning_shallow"].Gap);
        Assert.Contains("「待补充：具体事例」", await _bot.DraftAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_concrete_example_is_accepted_at_once_and_appears_in_the_draft()
    {
        await _bot.SendAllAsync([.. ThroughProfileAndPreparation, "2"]);

        await _bot.SendAsync("今年上半年中心组学习6次，我有2次只作简短表态");

        Assert.Contains("比如，今年上半年中心组学习6次，我有2次只作简短表态。", await _bot.DraftAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_asks_for_the_cadres_own_wording_and_then_its_example()
    {
        await _bot.SendAllAsync([.. ThroughProfileAndPreparation, "其他"]);
        await _bot.ExpectAsync("对新修订的条例学得不及时", "对新修订的条例学得不及时");
        await _bot.SendAsync("3月印发的条例直到5月才组织学习");

        Assert.Contains("一是对新修订的条例学得不及时。比如，3月印发的条例直到5月才组织学习。", await _bot.DraftAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Skip_marks_an_optional_answer_as_a_gap_and_is_refused_for_required_ones()
    {
        await _bot.SendAllAsync(["1", "张明", "市交通运输局", "党组成员、副局长", "综合规划"]);

        await _bot.ExpectAsync("跳过", "谈心谈话");
        Assert.Contains("「待补充：征求意见建议条数」", await _bot.DraftAsync(), StringComparison.Ordinal);

        await _bot.SendAllAsync(["18", "跳过"]);
        await _bot.SendAsync("跳过");
        Assert.Contains("不能跳过", _bot.Replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Back_reopens_the_previous_question_showing_its_answer_and_keeps_everything_else()
    {
        await _bot.SendAllAsync(["1", "张明", "市交通运输局"]);

        await _bot.ExpectAsync("上一步", "当前回答：市交通运输局");
        await _bot.ExpectAsync("市交通运输局党组", "现任什么职务");

        var answers = (await _bot.StateAsync()).Answers;
        Assert.Equal("市交通运输局党组", answers["unit"].Text);
        Assert.Equal("张明", answers["name"].Text);

        await _bot.SendAllAsync(["上一步", "上一步", "上一步", "上一步"]);
        Assert.Contains("已经是第一个问题", _bot.Replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_progress_and_draft_answer_and_then_repeat_the_current_question()
    {
        await _bot.SendAllAsync(["1", "张明"]);

        await _bot.ExpectAsync("帮助", "所在单位");
        Assert.Contains("重新开始", _bot.Replies[0].Text, StringComparison.Ordinal);

        await _bot.ExpectAsync("进度", "所在单位");
        Assert.Contains("基本情况：进行中", _bot.Replies[0].Text, StringComparison.Ordinal);

        await _bot.ExpectAsync("查看草稿", "所在单位");
        Assert.Contains("年度民主生活会个人对照检查材料", _bot.Replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("「待补充：", _bot.Replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_asks_the_current_question_again_and_answers_nothing()
    {
        await _bot.SendAllAsync(["1", "张明"]);

        await _bot.ExpectAsync("继续", "所在单位");

        Assert.Equal(2, (await _bot.StateAsync()).Answers.Count);
    }

    [Fact]
    public async Task Restart_asks_for_confirmation_and_cancelling_keeps_everything()
    {
        await _bot.SendAllAsync(["1", "张明"]);

        await _bot.ExpectAsync("重新开始", "确认");
        await _bot.ExpectAsync("随便说点什么", "请回复“确认”或“取消”");
        await _bot.ExpectAsync("取消", "所在单位");
        Assert.Equal(2, (await _bot.StateAsync()).Answers.Count);

        await _bot.SendAsync("重新开始");
        await _bot.ExpectAsync("确认", "会议的类别");
        Assert.Empty((await _bot.StateAsync()).Answers);
    }

    [Fact]
    public async Task An_overlong_answer_is_refused_and_changes_nothing()
    {
        await _bot.SendAllAsync(["1", "张明"]);

        await _bot.SendAsync(new string('长', 2001));

        Assert.Contains("字以内", _bot.Replies[0].Text, StringComparison.Ordinal);
        Assert.False((await _bot.StateAsync()).Answers.ContainsKey("unit"));
    }

    [Fact]
    public async Task Submitting_before_the_review_is_refused()
    {
        await _bot.SendAllAsync(["1"]);

        await _bot.SendAsync("提交");

        Assert.Contains("还有问题没有回答", _bot.Replies[0].Text, StringComparison.Ordinal);
        Assert.False((await _bot.StateAsync()).Submitted);
    }

    [Fact]
    public async Task A_complete_self_check_reaches_the_review_lists_gaps_and_submits()
    {
        await _bot.SendAllAsync(GoldenDraftTests.Minimal);
        Assert.Contains("待补充事项", _bot.Last.Text, StringComparison.Ordinal);
        Assert.Equal(["提交"], _bot.Last.Choices);

        await _bot.SendAsync("提交");
        Assert.Contains("已提交", _bot.Last.Text, StringComparison.Ordinal);
        var record = await _bot.ReadRecordAsync();
        Assert.True(record.Dialog.Submitted);

        await _bot.ExpectAsync("再说一句", "已经提交");

        // Each rendering is kept: the review shown, then the submitted one.
        var versions = await _bot.Store.QueryPartitionAsync(ConversationKeys.Partition("test", _bot.ConversationId), DraftVersion.Kind, CancellationToken.None);
        Assert.Equal(record.DraftVersions, versions.Count);
        Assert.True(versions.Count >= 2);
        var last = DraftVersion.FromJson(versions[^1].Body);
        Assert.True(last.Submitted);
        Assert.Equal(await _bot.DraftAsync(), last.Text);
    }

    [Fact]
    public async Task Editing_one_aspect_asks_only_that_aspect_again_and_keeps_every_other_answer()
    {
        await _bot.SendAllAsync(GoldenDraftTests.Minimal);
        var before = (await _bot.StateAsync()).Answers;

        await _bot.ExpectAsync("修改 廉洁自律", "廉洁自律方面");
        await _bot.SendAsync("1");
        await _bot.SendAsync("2025年春节前收到一张购物卡，当场退回但未报告");
        await _bot.SendAsync("1"); // measures for integrity, now needed
        await _bot.SendAsync("今年底前完成分管领域公务接待清理");

        Assert.Contains("待补充事项", _bot.Last.Text, StringComparison.Ordinal);
        var after = (await _bot.StateAsync()).Answers;
        foreach (var (key, answer) in before.Where(a => !a.Key.StartsWith("integrity", StringComparison.Ordinal) && a.Key != "review"))
        {
            Assert.Equivalent(answer, after[key], strict: true);
        }

        Assert.Contains("购物卡", await _bot.DraftAsync(), StringComparison.Ordinal);
        await _bot.ExpectAsync("修改 不存在的部分", "可以修改的部分有");
    }

    [Fact]
    public async Task A_duplicate_delivery_is_processed_once_and_replays_the_same_replies()
    {
        await _bot.StartAsync();
        var first = await _bot.RunAsync(TurnKind.Message, "1", activityId: "same-id");
        var again = await _bot.RunAsync(TurnKind.Message, "1", activityId: "same-id");

        Assert.Equal(first.Select(r => r.Text), again.Select(r => r.Text));
        var state = await _bot.StateAsync();
        Assert.Single(state.Answers);
    }

    [Fact]
    public async Task A_new_pipeline_on_the_same_store_resumes_at_the_same_question()
    {
        using var folder = new TestKit.TempFolder();
        using (var before = new ConversationDriver(folder.File("bot.db")))
        {
            await before.SendAllAsync(["1", "张明", "市交通运输局"]);
        }

        using var after = new ConversationDriver(folder.File("bot.db"));
        await after.StartAsync();

        Assert.Contains("欢迎回来", after.Replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("现任什么职务", after.Last.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_turns_of_one_conversation_at_once_both_keep_their_answer()
    {
        await _bot.SendAllAsync(["1", "张明", "市交通运输局", "党组成员、副局长", "综合规划"]);

        // Both arrive while the opinions question is open: one answers it, the other the next.
        await Task.WhenAll(
            _bot.Pipeline.ProcessAsync(Input("26", "parallel-1"), CancellationToken.None),
            _bot.Pipeline.ProcessAsync(Input("18", "parallel-2"), CancellationToken.None));

        var answers = (await _bot.StateAsync()).Answers;
        Assert.Equal([18, 26], new[] { answers["opinions"].Number!.Value, answers["talks"].Number!.Value }.Order());
    }

    private TurnInput Input(string text, string id) => new()
    {
        ChannelId = "test", ConversationId = _bot.ConversationId, UserId = "user-1", ActivityId = id, Kind = TurnKind.Message, Text = text,
    };

    public void Dispose() => _bot.Dispose();
}
