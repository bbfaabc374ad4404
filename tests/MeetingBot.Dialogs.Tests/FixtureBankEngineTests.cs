using MeetingBot.Dialogs.Bank;
using MeetingBot.Dialogs.Engine;
using MeetingBot.TestKit;
using Xunit;

namespace MeetingBot.Dialogs.Tests;

/// <summary>The engine on the fixture bank: context facts, options from the context, dates, and banks that change under a conversation.</summary>
public sealed class FixtureBankEngineTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static readonly ConversationContext Known = new()
    {
        Facts = new Dictionary<string, string> { ["name"] = "李卫东", ["post"] = "副局长" },
        Lists = new Dictionary<string, IReadOnlyList<ContextItem>>
        {
            ["findings"] = [new("f1", "低保动态管理不到位"), new("f2", "专项资金监管不严"), new("f3", "信访件办理超期")],
        },
        Today = Today,
    };

    private static readonly ConversationContext Unknown = new() { Today = Today };

    private readonly DialogEngine _engine = new(FixtureBanks.Version1);

    [Fact]
    public void Facts_the_context_knows_are_not_asked()
    {
        Assert.Equal("meeting_day", Asked(_engine.Start(new DialogState(), Known)).Instance.Key);
        Assert.Equal("name", Asked(_engine.Start(new DialogState(), Unknown)).Instance.Key);
    }

    [Fact]
    public void Options_drawn_from_the_context_are_offered_and_chosen_by_number()
    {
        var state = new DialogState();
        _engine.Start(state, Known);
        _engine.Handle(state, Known, "2026年12月20日");

        var question = Asked(_engine.Handle(state, Known, "帮助"));
        Assert.Equal(["低保动态管理不到位", "专项资金监管不严", "信访件办理超期"], question.Options.Select(o => o.Label));

        var turn = _engine.Handle(state, Known, "1、3");
        Assert.Equal(DialogOutcome.Answered, turn.Outcome);
        Assert.Equal(["f1", "f3"], state.Answers["findings"].Selected);
    }

    [Theory]
    [InlineData("2026年3月5日", 2026, 3, 5)]
    [InlineData("3月5日", 2026, 3, 5)]
    [InlineData("３月５号", 2026, 3, 5)]
    [InlineData("2026-03-05", 2026, 3, 5)]
    [InlineData("2027/1/9", 2027, 1, 9)]
    [InlineData(" 2026.12.20 ", 2026, 12, 20)]
    public void A_date_step_takes_the_ways_people_write_a_date(string text, int year, int month, int day)
    {
        var state = AtMeetingDay();

        var turn = _engine.Handle(state, Known, text);

        Assert.Equal(DialogOutcome.Answered, turn.Outcome);
        Assert.Equal(new DateOnly(year, month, day), state.Answers["meeting_day"].Date);
    }

    [Theory]
    [InlineData("2月30日")]
    [InlineData("2026-13-01")]
    [InlineData("明天")]
    [InlineData("下周三上午")]
    [InlineData("2026年3月")]
    [InlineData("19")]
    public void A_date_step_refuses_what_is_not_a_date_and_asks_again(string text)
    {
        var state = AtMeetingDay();

        var turn = _engine.Handle(state, Known, text);

        Assert.Equal(DialogOutcome.Other, turn.Outcome);
        Assert.False(state.Answers.ContainsKey("meeting_day"));
        var hint = Assert.IsType<MessageEvent>(turn.Events[0]);
        Assert.Equal(MessageKeys.NotUnderstood, hint.Key);
        Assert.Equal("[date_hint]", hint.Values["hint"]);
        Assert.Equal("meeting_day", Asked(turn).Instance.Key);
    }

    [Fact]
    public void A_conversation_started_on_version_1_continues_correctly_on_version_2()
    {
        var state = new DialogState();
        _engine.Start(state, Known);
        foreach (var answer in new[] { "2026年12月20日", "1", "担当作为", "今年3月有2次调研没有形成报告", "补充一句" })
        {
            _engine.Handle(state, Known, answer);
        }

        Assert.Equal((FixtureBanks.Version1.Default.Id, 1), (state.BankId, state.BankVersion));
        Assert.IsType<ReviewEvent>(_engine.Handle(state, Known, "继续").Events[^1]);

        var changed = new DialogEngine(FixtureBanks.Version2);
        var turn = changed.Handle(state, Known, "继续");

        // "duty" is no longer offered, so the focus is asked again; everything else that still exists is kept.
        Assert.Equal(2, state.BankVersion);
        Assert.Equal("focus", Asked(turn).Instance.Key);
        Assert.Equal(new DateOnly(2026, 12, 20), state.Answers["meeting_day"].Date);
        Assert.Equal(["f1"], state.Answers["findings"].Selected);
        Assert.Equal("今年3月有2次调研没有形成报告", state.Answers["example"].Text);
        Assert.False(state.Answers.ContainsKey("note"));

        changed.Handle(state, Known, "基层调研");
        Assert.Equal("hours", Asked(changed.Handle(state, Known, "继续")).Instance.Key);
        changed.Handle(state, Known, "6小时");
        Assert.IsType<ReviewEvent>(changed.Handle(state, Known, "继续").Events[^1]);
        Assert.Equal(DialogOutcome.Submitted, changed.Handle(state, Known, "提交").Outcome);
    }

    [Fact]
    public void A_submitted_material_whose_bank_gained_a_question_is_open_for_review_again()
    {
        var state = new DialogState();
        _engine.Start(state, Known);
        foreach (var answer in new[] { "2026年12月20日", "无", "理论学习", "今年3月有2次调研没有形成报告", "跳过", "提交" })
        {
            _engine.Handle(state, Known, answer);
        }

        Assert.True(state.Submitted);

        var changed = new DialogEngine(FixtureBanks.Version2);
        var turn = changed.Handle(state, Known, "继续");

        Assert.False(state.Submitted);
        Assert.Equal("hours", Asked(turn).Instance.Key);
    }

    private DialogState AtMeetingDay()
    {
        var state = new DialogState();
        Assert.Equal("meeting_day", Asked(_engine.Start(state, Known)).Instance.Key);
        return state;
    }

    private static Question Asked(DialogTurn turn) => Assert.IsType<AskEvent>(turn.Events[^1]).Question;
}
