using MeetingBot.TestKit.Conversations;
using Xunit;
using static MeetingBot.TestKit.Conversations.SelfCheckScript;

namespace MeetingBot.Conversations.Tests;

/// <summary>Scripted conversations through the real pipeline: send this, expect that reply.</summary>
public sealed class SelfCheckTranscriptTests : IDisposable
{
    private readonly ConversationDriver _bot = new();

    [Fact]
    public async Task The_first_contact_greets_and_asks_the_meeting_kind_with_buttons()
    {
        await _bot.StartAsync();

        Assert.Equal(2, _bot.Replies.Count);
        Assert.Contains("民主生活会准备助手", _bot.Replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("会议的类别", _bot.Last.Text, StringComparison.Ordinal);
        Assert.Equal(["年度民主生活会", "巡视整改专题民主生活会", "巡察整改专题民主生活会", "组织生活会", "其他专题民主生活会"], _bot.Last.Choices);
    }

    [Fact]
    public async Task A_name_known_from_the_channel_is_not_asked()
    {
        using var named = new ConversationDriver(userName: "李红");
        await named.StartAsync();

        await named.SendAllAsync(AnnualMeeting);
        Assert.Contains("所在单位", named.Last.Text, StringComparison.Ordinal);
        Assert.Contains("李红同志在2025年度民主生活会上的个人对照检查材料", await named.DraftAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unrecognised_choice_explains_and_repeats_the_same_question()
    {
        await _bot.StartAsync();

        await _bot.SendAsync("第六种");

        Assert.Contains("没能识别", _bot.Replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("会议的类别", _bot.Last.Text, StringComparison.Ordinal);
        Assert.Empty((await _bot.StateAsync()).Answers);
    }

    [Fact]
    public async Task Multi_choice_accepts_numbers_with_any_separator_chinese_numerals_and_option_texts()
    {
        await _bot.SendAllAsync(ThroughPreparation);
        await _bot.SendAsync("1、3");
        Assert.Equal(["learning_passive", "learning_apply"], (await _bot.StateAsync()).Answers["learning_problems"].Selected);

        await _bot.ExpectAsync("上一步", "当前回答：学习主动性不强、学用结合不紧密");
        await _bot.SendAsync("二 四");
        Assert.Equal(["learning_shallow", "learning_business"], (await _bot.StateAsync()).Answers["learning_problems"].Selected);

        await _bot.ExpectAsync("上一步", "当前回答");
        await _bot.SendAsync("学习不够系统深入");
        Assert.Equal(["learning_shallow"], (await _bot.StateAsync()).Answers["learning_problems"].Selected);
    }

    [Fact]
    public async Task Numbers_may_be_written_in_chinese_numerals()
    {
        await _bot.SendAllAsync([.. AnnualMeeting, .. Profile, "二十三", "两"]);

        var answers = (await _bot.StateAsync()).Answers;
        Assert.Equal((23, 2), (answers["opinions"].Number, answers["talks"].Number));
    }

    [Fact]
    public async Task The_suggested_sentence_is_written_only_when_kept_and_the_cadres_own_replaces_it()
    {
        await _bot.SendAllAsync([.. ThroughPreparation, "1 2"]);
        Assert.Contains("建议表述是：「理论学习的主动性和自觉性不够", _bot.Last.Text, StringComparison.Ordinal);

        await _bot.SendAllAsync(["采用", "工作一忙就把自学往后放", "今年一季度3次中心组学习有2次没准备", "学习党的创新理论只记了要点，没有系统读原著"]);

        var draft = await _bot.DraftAsync();
        Assert.Contains("一是理论学习的主动性和自觉性不够，存在以干代学、以忙挤学的情况。工作一忙就把自学往后放。比如，今年一季度3次中心组学习有2次没准备。", draft, StringComparison.Ordinal);
        Assert.Contains("二是学习党的创新理论只记了要点，没有系统读原著。", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("读原文、记要点，系统性和深度不够", draft, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vague_example_is_asked_again_once_then_kept_in_the_draft_and_listed_to_improve()
    {
        await _bot.SendAllAsync([.. ThroughPreparation, "2", "采用", "学习时满足于记要点，不求甚解"]);

        await _bot.ExpectAsync("19", "不够具体");
        await _bot.ExpectAsync("学得不够好", "按您写的这句记入草稿");

        var state = await _bot.StateAsync();
        Assert.True(state.Answers["learning_examples/learning_shallow"].Gap);
        var draft = await _bot.RenderDraftAsync();
        Assert.Contains("比如，学得不够好。", draft.Text, StringComparison.Ordinal);
        Assert.Contains(draft.Model.Gaps, g => g.Vague && g.Item == "学习不够系统深入");
    }

    [Fact]
    public async Task Other_asks_for_the_cadres_own_wording_then_how_it_shows_and_its_example()
    {
        await _bot.SendAllAsync([.. ThroughPreparation, "其他"]);
        await _bot.ExpectAsync("对新修订的条例学得不及时", "对新修订的条例学得不及时”在您本人工作中");
        await _bot.SendAllAsync(["条例印发后我没有及时组织分管科室学习", "3月印发的条例直到5月才组织学习"]);

        Assert.Contains("一是对新修订的条例学得不及时。条例印发后我没有及时组织分管科室学习。比如，3月印发的条例直到5月才组织学习。", await _bot.DraftAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Skip_marks_an_optional_answer_as_a_gap_keeps_a_saved_one_and_is_refused_for_required_ones()
    {
        await _bot.SendAllAsync([.. AnnualMeeting, .. Profile]);

        await _bot.ExpectAsync("跳过", "谈心谈话");
        Assert.Contains("「待补充：征求意见建议条数」", await _bot.DraftAsync(), StringComparison.Ordinal);

        await _bot.SendAllAsync(["18", "上一步"]);
        await _bot.ExpectAsync("跳过", "原来的回答保留不变");
        Assert.Equal(18, (await _bot.StateAsync()).Answers["talks"].Number);

        await _bot.SendAllAsync(["跳过"]);
        await _bot.SendAsync("跳过");
        Assert.Contains("不能跳过", _bot.Replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Back_reopens_the_previous_question_showing_its_answer_and_keep_leaves_it()
    {
        await _bot.SendAllAsync([.. AnnualMeeting, "张明", "市交通运输局"]);

        await _bot.ExpectAsync("上一步", "当前回答：市交通运输局");
        await _bot.ExpectAsync("保留", "现任什么职务");
        Assert.Equal("市交通运输局", (await _bot.StateAsync()).Answers["unit"].Text);

        await _bot.ExpectAsync("上一步", "当前回答：市交通运输局");
        await _bot.ExpectAsync("市交通运输局党组", "现任什么职务");
        var answers = (await _bot.StateAsync()).Answers;
        Assert.Equal("市交通运输局党组", answers["unit"].Text);
        Assert.Equal("张明", answers["name"].Text);

        await _bot.SendAllAsync(["上一步", "上一步", "上一步", "上一步", "上一步"]);
        Assert.Contains("已经是第一个问题", _bot.Replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_progress_and_draft_answer_and_then_repeat_the_current_question()
    {
        await _bot.SendAllAsync([.. AnnualMeeting, "张明"]);

        await _bot.ExpectAsync("帮助", "所在单位");
        Assert.Contains("重新开始", _bot.Replies[0].Text, StringComparison.Ordinal);

        await _bot.ExpectAsync("进度", "所在单位");
        Assert.Contains("已完成 0/8 个部分", _bot.Replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("基本情况：进行中", _bot.Replies[0].Text, StringComparison.Ordinal);

        await _bot.ExpectAsync("查看草稿", "所在单位");
        Assert.Contains("张明同志在2025年度民主生活会上的个人对照检查材料", _bot.Replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("「待补充：", _bot.Replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_number_of_parts_is_known_from_the_start_and_does_not_grow_with_the_answers()
    {
        await _bot.SendAllAsync(ThroughPreparation);
        await _bot.ExpectAsync("进度", "已完成 2/8 个部分");

        await _bot.SendAsync("1 2 3");
        await _bot.ExpectAsync("进度", "已完成 2/8 个部分");
    }

    [Fact]
    public async Task The_star_hint_appears_only_where_options_are_starred()
    {
        await _bot.SendAllAsync(ThroughPreparation);
        Assert.DoesNotContain("★", _bot.Last.Text, StringComparison.Ordinal);

        await _bot.SendAllAsync([.. OneLearningProblem, "无", "无", "无"]);
        Assert.Contains("★", _bot.Last.Text, StringComparison.Ordinal);
        Assert.Contains("标★的是", _bot.Last.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_asks_the_current_question_again_and_answers_nothing()
    {
        await _bot.SendAllAsync([.. AnnualMeeting, "张明"]);

        await _bot.ExpectAsync("继续", "所在单位");

        Assert.Equal(3, (await _bot.StateAsync()).Answers.Count);
    }

    [Fact]
    public async Task Restart_asks_for_confirmation_and_cancelling_keeps_everything()
    {
        await _bot.SendAllAsync([.. AnnualMeeting, "张明"]);

        await _bot.ExpectAsync("重新开始", "确认");
        await _bot.ExpectAsync("随便说点什么", "请回复“确认”或“取消”");
        await _bot.ExpectAsync("取消", "所在单位");
        Assert.Equal(3, (await _bot.StateAsync()).Answers.Count);

        await _bot.SendAsync("重新开始");
        await _bot.ExpectAsync("确认", "会议的类别");
        Assert.Empty((await _bot.StateAsync()).Answers);
    }

    [Fact]
    public async Task An_overlong_answer_is_refused_and_changes_nothing()
    {
        await _bot.SendAllAsync([.. AnnualMeeting, "张明"]);

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
    public async Task A_material_without_any_problem_cannot_be_submitted()
    {
        await _bot.SendAllAsync([.. ThroughPreparation, "无", "无", "无", "无", "1", "对理论学习重视不够，当成软任务"]);
        Assert.Contains("草稿概要", _bot.Last.Text, StringComparison.Ordinal);
        Assert.Contains("尚未查摆", _bot.Last.Text, StringComparison.Ordinal);

        await _bot.SendAsync("提交");

        Assert.Contains("材料还缺少存在的主要问题", _bot.Replies[0].Text, StringComparison.Ordinal);
        Assert.False((await _bot.StateAsync()).Submitted);
        Assert.Contains("「待补充：存在的主要问题」", await _bot.DraftAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_placeholder_the_cadre_typed_stops_the_submission_and_other_findings_only_warn()
    {
        await _bot.SendAllAsync([.. ThroughPreparation, "1", "采用", "工作一忙就把自学往后放，学习定期开展", "x年x月的3次中心组学习，我有2次没有准备发言", .. ToReviewAfterOneLearningProblem]);
        Assert.Contains("“x年x月”", _bot.Last.Text, StringComparison.Ordinal);
        Assert.Contains("须改正后才能提交", _bot.Last.Text, StringComparison.Ordinal);

        await _bot.SendAsync("提交");
        Assert.Contains("须改正后才能提交", _bot.Replies[0].Text, StringComparison.Ordinal);
        Assert.False((await _bot.StateAsync()).Submitted);

        await _bot.SendAllAsync(["修改 理论学习", "保留", "保留", "保留", "今年3月的3次中心组学习，我有2次没有准备发言"]);
        Assert.Contains("草稿概要", _bot.Last.Text, StringComparison.Ordinal);
        await _bot.SendAsync("提交");
        Assert.True((await _bot.StateAsync()).Submitted);
    }

    [Fact]
    public async Task A_complete_self_check_reaches_a_compact_review_and_submits_with_the_confirmation_last()
    {
        await _bot.SendAllAsync(ToReview);
        Assert.Contains("草稿概要", _bot.Last.Text, StringComparison.Ordinal);
        Assert.Contains("理论学习方面1个", _bot.Last.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("一、存在的主要问题\n", _bot.Last.Text, StringComparison.Ordinal);
        Assert.Equal(["提交", "查看草稿", "下载Word"], _bot.Last.Choices);

        await _bot.SendAsync("提交");
        Assert.Contains("已提交", _bot.Last.Text, StringComparison.Ordinal);
        Assert.True(_bot.Last.Text.Length < 300, "the confirmation is short, and the last thing the cadre sees");
        var record = await _bot.ReadRecordAsync();
        Assert.True(record.Dialog.Submitted);

        await _bot.ExpectAsync("再说一句", "已经提交");

        var versions = await _bot.Store.QueryPartitionAsync(ConversationKeys.Partition("test", _bot.ConversationId), DraftVersion.Kind, CancellationToken.None);
        Assert.Equal(record.DraftVersions, versions.Count);
        var last = DraftVersion.FromJson(versions[^1].Body);
        Assert.True(last.Submitted);
        Assert.Equal(await _bot.DraftAsync(), last.Text);
    }

    [Fact]
    public async Task Editing_a_part_shows_each_answer_and_keeps_it_unless_replaced()
    {
        await _bot.SendAllAsync(ToReview);
        var before = (await _bot.StateAsync()).Answers;

        await _bot.ExpectAsync("修改 理论学习", "当前回答：学习主动性不强");
        await _bot.ExpectAsync("保留", "当前回答：理论学习的主动性和自觉性不够");
        await _bot.ExpectAsync("保留", "当前回答：工作一忙就把自学往后放");
        await _bot.ExpectAsync("工作一忙，我就把自学往后放，集中学习前很少通读材料", "当前回答：今年一季度");
        await _bot.ExpectAsync("保留", "草稿概要");

        var after = (await _bot.StateAsync()).Answers;
        Assert.Equal("工作一忙，我就把自学往后放，集中学习前很少通读材料", after["learning_showings/learning_passive"].Text);
        foreach (var (key, answer) in before.Where(a => a.Key != "learning_showings/learning_passive" && a.Key != "review"))
        {
            Assert.Equivalent(answer, after[key], strict: true);
        }

        await _bot.ExpectAsync("修改 不存在的部分", "可以修改的部分有");
    }

    [Fact]
    public async Task Editing_an_aspect_without_problems_asks_its_questions_and_the_new_ones_they_bring()
    {
        await _bot.SendAllAsync(ToReview);

        await _bot.ExpectAsync("修改 廉洁自律", "廉洁自律方面");
        await _bot.SendAllAsync(["1", "采用", "接受礼品卡后没有及时向组织报告", "2025年春节前收到一张购物卡，当场退回但未报告", "1", "每季度对照八项规定自查1次"]);

        Assert.Contains("草稿概要", _bot.Last.Text, StringComparison.Ordinal);
        Assert.Contains("购物卡", await _bot.DraftAsync(), StringComparison.Ordinal);
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
    public async Task A_new_pipeline_on_the_same_store_welcomes_back_with_where_the_cadre_is()
    {
        using var folder = new TestKit.TempFolder();
        using (var before = new ConversationDriver(folder.File("bot.db")))
        {
            await before.SendAllAsync([.. AnnualMeeting, "张明", "市交通运输局"]);
        }

        using var after = new ConversationDriver(folder.File("bot.db"));
        await after.StartAsync();

        Assert.Contains("欢迎回来！您上次填到“基本情况”部分（已完成 0/8 个部分）", after.Replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("现任什么职务", after.Last.Text, StringComparison.Ordinal);
        Assert.Equal(2, after.Replies.Count);
    }

    [Fact]
    public async Task Two_turns_of_one_conversation_at_once_both_keep_their_answer()
    {
        await _bot.SendAllAsync([.. AnnualMeeting, .. Profile]);

        // Both arrive while the opinions question is open: one answers it, the other the next.
        await Task.WhenAll(
            _bot.Pipeline.ProcessAsync(_bot.Input(TurnKind.Message, "26", "parallel-1"), CancellationToken.None),
            _bot.Pipeline.ProcessAsync(_bot.Input(TurnKind.Message, "18", "parallel-2"), CancellationToken.None));

        var answers = (await _bot.StateAsync()).Answers;
        Assert.Equal([18, 26], new[] { answers["opinions"].Number!.Value, answers["talks"].Number!.Value }.Order());
    }

    public void Dispose() => _bot.Dispose();
}
