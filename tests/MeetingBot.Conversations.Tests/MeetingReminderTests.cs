using MeetingBot.Conversations.Outbound;
using MeetingBot.Conversations.Reminders;
using MeetingBot.Meetings.Storage;
using MeetingBot.TestKit;
using MeetingBot.TestKit.Conversations;
using MeetingBot.TestKit.Meetings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace MeetingBot.Conversations.Tests;

/// <summary>
/// The reminders of the scenario's meeting (its file imported: submission due 12月15日 18:00, the
/// meeting 12月20日 09:00, Shanghai time) on a clock the test moves: 李卫东 has submitted, 张晓红 has
/// begun, 陈建国 has never written to the bot, 刘芳 asked for leave (请假). Each pass of the scheduler
/// is what the running service does when it wakes.
/// </summary>
public sealed class MeetingReminderTests : IDisposable
{
    private const string Secretary = "test:sec-1";
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    private readonly TimerWatchingTimeProvider _time = new();
    private readonly RecordingMessenger _channel;
    private readonly ConversationDriver _bot;
    private readonly PipelineChat _chat;

    public MeetingReminderTests()
    {
        _time.SetUtcNow(new DateTimeOffset(2026, 12, 2, 9, 30, 0, Shanghai));
        _channel = new RecordingMessenger(_time);
        _bot = new ConversationDriver(time: _time, messenger: _channel);
        _chat = new PipelineChat(_bot);
    }

    private ReminderScheduler Scheduler => _bot.Services.GetRequiredService<ReminderScheduler>();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task The_calendar_reminds_the_unsubmitted_3_days_and_1_day_before_and_sends_every_member_the_prompt_card_the_day_before()
    {
        await PrepareAsync();

        At(12, 12, 17, 59);
        Assert.Equal(new DateTimeOffset(2026, 12, 12, 18, 0, 0, Shanghai), await Scheduler.RunOnceAsync(CancellationToken.None));
        Assert.Empty(_channel.Delivered);

        At(12, 12, 18, 0);
        await Scheduler.RunOnceAsync(CancellationToken.None);
        var first = Assert.Single(To(MeetingScenario.ZhangXiaohong.Account));
        Assert.Contains("将于2026年12月15日 18:00截止提交，您的材料还没有提交", first, StringComparison.Ordinal);
        var summary = Assert.Single(To(Secretary));
        Assert.Contains("提交截止提醒已发送完毕：送达1人；未能送达：陈建国", summary, StringComparison.Ordinal);

        // Passes after a round has gone send nothing again.
        At(12, 12, 18, 30);
        await Scheduler.RunOnceAsync(CancellationToken.None);
        At(12, 14, 17, 59);
        await Scheduler.RunOnceAsync(CancellationToken.None);
        Assert.Single(To(MeetingScenario.ZhangXiaohong.Account));

        At(12, 14, 18, 0);
        await Scheduler.RunOnceAsync(CancellationToken.None);
        Assert.Equal(2, To(MeetingScenario.ZhangXiaohong.Account).Count);
        Assert.Empty(To(MeetingScenario.LiWeidong.Account));
        Assert.Empty(To(MeetingScenario.LiuFang.Account));

        // Back from leave, 刘芳 gets the prompt card with everyone else; 陈建国 is still out of reach.
        At(12, 16, 10, 0);
        Assert.Contains("已恢复", (await _chat.SayAsync(MeetingScenario.LiuFang.Account, MeetingScenario.LiuFang.Name, "销假")).Text, StringComparison.Ordinal);
        At(12, 19, 9, 0);
        await Scheduler.RunOnceAsync(CancellationToken.None);
        foreach (var member in new[] { MeetingScenario.LiWeidong, MeetingScenario.ZhangXiaohong, MeetingScenario.LiuFang })
        {
            var card = _channel.Delivered.Last(d => d.Address.ConversationId == ConversationOf(member.Account)).Replies;
            Assert.Contains("将于2026年12月20日 09:00召开，以下是您的会前提示", card[0].Text, StringComparison.Ordinal);
            Assert.Contains("会前提示", card[1].Text, StringComparison.Ordinal);
        }

        Assert.Contains("会前提示已发送完毕：送达3人；未能送达：陈建国", To(Secretary)[^1], StringComparison.Ordinal);
        At(12, 20, 9, 0);
        await Scheduler.RunOnceAsync(CancellationToken.None);
        Assert.Equal([1, 3, 1, 0], new[] { MeetingScenario.LiWeidong, MeetingScenario.ZhangXiaohong, MeetingScenario.LiuFang, MeetingScenario.ChenJianguo }
            .Select(m => To(m.Account).Count));
        Assert.Equal(3, To(Secretary).Count);
    }

    [Fact]
    public async Task Nothing_goes_out_in_quiet_hours_and_what_was_held_back_goes_over_a_few_minutes_after_they_end()
    {
        // Due 12 hours before the 18:00 deadline: 06:00, inside 22:00-08:00.
        await PrepareAsync("reminders:\n  before_deadline: [12h]\n", onLeave: false);

        At(12, 15, 6, 0);
        var next = await Scheduler.RunOnceAsync(CancellationToken.None);
        Assert.Empty(_channel.Delivered);
        var eight = new DateTimeOffset(2026, 12, 15, 8, 0, 0, Shanghai);
        Assert.InRange(next!.Value, eight, eight.AddMinutes(5));

        At(12, 15, 7, 59);
        await Scheduler.RunOnceAsync(CancellationToken.None);
        Assert.Empty(_channel.Delivered);

        for (var minute = 0; minute <= 5; minute++)
        {
            At(12, 15, 8, minute);
            await Scheduler.RunOnceAsync(CancellationToken.None);
        }

        var sent = _channel.Delivered.Where(d => d.Address.ConversationId != ConversationOf(Secretary)).ToArray();
        Assert.Equal([ConversationOf(MeetingScenario.ZhangXiaohong.Account), ConversationOf(MeetingScenario.LiuFang.Account)], sent.Select(d => d.Address.ConversationId).Order());
        Assert.All(sent, d => Assert.InRange(d.At, eight, eight.AddMinutes(5)));
        Assert.Single(To(Secretary));
    }

    [Fact]
    public async Task With_quiet_weekends_a_round_due_on_saturday_goes_on_monday_morning()
    {
        // 12月12日 is a Saturday: the three-days reminder waits until Monday 08:00.
        await PrepareAsync("reminders:\n  quiet_weekends: true\n");

        At(12, 12, 18, 0);
        var next = await Scheduler.RunOnceAsync(CancellationToken.None);
        var monday = new DateTimeOffset(2026, 12, 14, 8, 0, 0, Shanghai);
        Assert.InRange(next!.Value, monday, monday.AddMinutes(5));
        At(12, 13, 12, 0);
        await Scheduler.RunOnceAsync(CancellationToken.None);
        Assert.Empty(_channel.Delivered);

        At(12, 14, 8, 5);
        await Scheduler.RunOnceAsync(CancellationToken.None);
        Assert.InRange(Assert.Single(_channel.Delivered, d => d.Address.ConversationId == ConversationOf(MeetingScenario.ZhangXiaohong.Account)).At, monday, monday.AddMinutes(5));
    }

    [Fact]
    public async Task A_secretary_sends_a_round_now_with_提醒_held_back_in_quiet_hours_and_members_cannot()
    {
        await PrepareAsync();

        var refused = await _chat.SayAsync(MeetingScenario.ZhangXiaohong.Account, MeetingScenario.ZhangXiaohong.Name, "提醒");
        Assert.Contains("仅供本次会议的秘书使用", refused.Text, StringComparison.Ordinal);
        await Scheduler.RunOnceAsync(CancellationToken.None);
        Assert.Empty(_channel.Delivered);

        At(12, 3, 10, 0);
        var started = await _chat.SayAsync(Secretary, MeetingScenario.SecretaryName, "提醒");
        Assert.Contains("已开始向2位尚未提交材料的成员发送提醒", started.Text, StringComparison.Ordinal);
        await Scheduler.RunOnceAsync(CancellationToken.None);
        Assert.Contains("会议秘书提醒", Assert.Single(To(MeetingScenario.ZhangXiaohong.Account)), StringComparison.Ordinal);
        Assert.Contains("提醒已发送完毕：送达1人；未能送达：陈建国", Assert.Single(To(Secretary)), StringComparison.Ordinal);

        At(12, 3, 23, 0);
        var deferred = await _chat.SayAsync(Secretary, MeetingScenario.SecretaryName, "提醒");
        Assert.Contains("现在是免打扰时段，提醒将于12月04日 08:00后向2位", deferred.Text, StringComparison.Ordinal);
        await Scheduler.RunOnceAsync(CancellationToken.None);
        Assert.Single(To(MeetingScenario.ZhangXiaohong.Account));
        At(12, 4, 8, 5);
        await Scheduler.RunOnceAsync(CancellationToken.None);
        Assert.Equal(2, To(MeetingScenario.ZhangXiaohong.Account).Count);
    }

    [Fact]
    public async Task Paused_and_submitted_members_are_skipped_even_when_they_change_after_the_round_opened()
    {
        await PrepareAsync(onLeave: false);
        _channel.Failing[ConversationOf(MeetingScenario.LiuFang.Account)] = true;

        At(12, 12, 18, 0);
        await Scheduler.RunOnceAsync(CancellationToken.None);
        Assert.Single(To(MeetingScenario.ZhangXiaohong.Account));
        Assert.Empty(To(Secretary));

        // Her channel refused; before the next attempt she asks for leave: the round skips her and is through.
        await _chat.SayAsync(MeetingScenario.LiuFang.Account, MeetingScenario.LiuFang.Name, "请假");
        _channel.Failing.Clear();
        _time.Advance(TimeSpan.FromSeconds(30));
        await Scheduler.RunOnceAsync(CancellationToken.None);
        Assert.Empty(To(MeetingScenario.LiuFang.Account));
        Assert.Contains("送达1人；1人已提交或暂停提醒，未再发送；未能送达：陈建国", Assert.Single(To(Secretary)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_send_is_tried_again_with_growing_waits_and_after_the_last_attempt_reported_to_the_secretary()
    {
        await PrepareAsync();
        _channel.Failing[ConversationOf(MeetingScenario.ZhangXiaohong.Account)] = true;

        At(12, 12, 18, 0);
        var waits = new List<TimeSpan>();
        for (var attempt = 1; attempt < 4; attempt++)
        {
            var next = await Scheduler.RunOnceAsync(CancellationToken.None);
            waits.Add(next!.Value - _time.GetUtcNow());
            _time.SetUtcNow(next.Value);
        }

        Assert.Equal([TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120)], waits);
        Assert.Empty(To(Secretary));
        await Scheduler.RunOnceAsync(CancellationToken.None);
        Assert.Contains("送达0人；未能送达：陈建国（尚未与机器人对话过，请另行通知）；多次发送失败：张晓红（请另行通知）", Assert.Single(To(Secretary)), StringComparison.Ordinal);
        Assert.Empty(To(MeetingScenario.ZhangXiaohong.Account));
    }

    [Fact]
    public async Task The_running_service_wakes_on_its_clock_when_the_next_round_is_due()
    {
        await PrepareAsync();
        At(12, 12, 17, 59, 30);
        _time.ForgetTimers();
        await Scheduler.StartAsync(CancellationToken.None);
        try
        {
            // It looked, found the round due in 30 seconds, and waits that long on the clock.
            Assert.Equal(TimeSpan.FromSeconds(30), await _time.NextTimerAsync());
            var delivered = _channel.NextDeliveryAsync();
            _time.Advance(TimeSpan.FromSeconds(30));
            await delivered;
            Assert.Contains("截止提交", Assert.Single(To(MeetingScenario.ZhangXiaohong.Account)), StringComparison.Ordinal);
        }
        finally
        {
            await Scheduler.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>The meeting imported (its file with <paramref name="reminders"/> added), and its people as the class describes them.</summary>
    private async Task PrepareAsync(string reminders = "", bool onLeave = true)
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("meeting.yaml"), MeetingScenario.MeetingFile(Secretary) + reminders);
        await _bot.Services.GetRequiredService<MeetingStore>().ImportAsync(MeetingContent.Reader.ReadYaml(folder.File("meeting.yaml")), CancellationToken.None);

        await _chat.SayAsync(Secretary, MeetingScenario.SecretaryName, "进度");
        var li = MeetingScenario.LiWeidong;
        foreach (var text in (string[])["开始", .. li.Answers(onRoster: true), "提交"])
        {
            await _chat.SayAsync(li.Account, li.Name, text);
        }

        await _chat.SayAsync(MeetingScenario.ZhangXiaohong.Account, MeetingScenario.ZhangXiaohong.Name, "开始");
        await _chat.SayAsync(MeetingScenario.LiuFang.Account, MeetingScenario.LiuFang.Name, "开始");
        if (onLeave)
        {
            Assert.Contains("已暂停", (await _chat.SayAsync(MeetingScenario.LiuFang.Account, MeetingScenario.LiuFang.Name, "请假")).Text, StringComparison.Ordinal);
        }

        // The secretary was told of 李卫东's submission; the reminders are what the tests look at.
        await _bot.Services.GetRequiredService<OutboundWork>().WhenIdleAsync();
        _channel.Delivered.Clear();
    }

    private void At(int month, int day, int hour, int minute, int second = 0) => _time.SetUtcNow(new DateTimeOffset(2026, month, day, hour, minute, second, Shanghai));

    private static string ConversationOf(string account) => "conversation-" + PipelineChat.Account(account).UserId;

    private IReadOnlyList<string> To(string account) =>
        [.. _channel.Delivered.Where(d => d.Address.ConversationId == ConversationOf(account)).Select(d => string.Join("\n", d.Replies.Select(r => r.Text)))];
}
