using System.Text.RegularExpressions;
using MeetingBot.Conversations;
using MeetingBot.TestKit.Conversations;
using MeetingBot.TestKit.Meetings;
using Xunit;
using Xunit.Abstractions;

namespace MeetingBot.Conversations.Tests;

/// <summary>A meeting from its creation to the secretary's roster, through the real pipeline and store.</summary>
public sealed partial class MeetingFlowTests(ITestOutputHelper output) : IDisposable
{
    private readonly ConversationDriver _bot = new(settings: new Dictionary<string, string?> { ["Meetings:Admins:0"] = "test:admin" });

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task An_administrator_creates_a_meeting_a_member_joins_and_the_secretary_sees_them_on_the_roster()
    {
        var admin = new Person(_bot, "admin", "王敏");
        await admin.SayAsync("创建会议");
        foreach (var answer in new[] { "3", "青山县民政局党组巡察整改专题民主生活会", "青山县民政局党组", "12月20日", "局机关三楼会议室", "12月15日",
            "一、贯彻落实党的路线方针政策方面\n1. 低保动态管理不到位，部分对象未按期复核\n二、落实全面从严治党责任方面\n2. 专项资金监管不严，存在多发冒领" })
        {
            await admin.SayAsync(answer);
        }

        var created = await admin.SayAsync("1");
        output.WriteLine(created);
        var code = InvitationCode().Match(created).Groups[1].Value;
        Assert.NotEmpty(code);

        var member = new Person(_bot, "m-1", "李卫东");
        var joined = await member.SayAsync("加入 " + code);
        output.WriteLine(joined);
        Assert.Contains("青山县民政局党组巡察整改专题民主生活会", joined, StringComparison.Ordinal);

        var refused = await member.SayAsync("汇总");
        Assert.Contains("仅供本次会议的秘书", refused, StringComparison.Ordinal);

        await member.SayAsync("县委第二巡察组");
        var roster = await admin.SayAsync("进度");
        output.WriteLine(roster);
        Assert.Contains("李卫东：进行中", roster, StringComparison.Ordinal);
    }

    [GeneratedRegex("邀请码：([A-Z0-9]{6})")]
    private static partial Regex InvitationCode();

    /// <summary>One person in their own conversation with the bot.</summary>
    private sealed class Person(ConversationDriver bot, string userId, string name)
    {
        private readonly PipelineChat _chat = new(bot);

        public async Task<string> SayAsync(string text) => (await _chat.SayAsync($"{ConversationDriver.Channel}:{userId}", name, text)).Text;
    }
}
