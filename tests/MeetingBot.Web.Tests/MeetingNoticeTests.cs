using MeetingBot.Conversations.Outbound;
using MeetingBot.TestKit.Meetings;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace MeetingBot.Web.Tests;

/// <summary>
/// A meeting's notices leave as bot-initiated messages through the Connector (a stand-in that checks
/// the bot's token) to the conversation each person last used: 提交 reaches the secretary, 退回 with
/// its comment reaches the member.
/// </summary>
public sealed class MeetingNoticeTests
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";

    [Fact]
    public async Task A_submission_reaches_the_secretary_and_a_return_reaches_the_member_with_its_comment()
    {
        await using var identity = await StandInIdentityServer.StartAsync();
        await using var connector = await StandInConnector.StartAsync();
        connector.RequiredToken = StandInIdentityServer.IssuedAccessToken;
        await using var bot = await AuthenticatedBot.StartAsync(identity, AppId, more: ["--Meetings:Admins:0=" + MeetingScenario.Admin]);
        var chat = new BotFrameworkChat(bot.Http, connector.ServiceUrl, serviceUrl => identity.ChannelToken(AppId, serviceUrl));
        var member = MeetingScenario.LiWeidong;
        var code = await MeetingScenario.CreateAsync(chat);
        await chat.SayAsync(member.Account, member.Name, "加入 " + code);
        foreach (var answer in member.Answers(onRoster: false))
        {
            await chat.SayAsync(member.Account, member.Name, answer);
        }

        await chat.SayAsync(member.Account, member.Name, "提交");
        await bot.Services.GetRequiredService<OutboundWork>().WhenIdleAsync();
        var toSecretary = Assert.Single(connector.Received, r => r.Path.EndsWith("/v3/conversations/conversation-admin/activities", StringComparison.Ordinal));
        Assert.Contains("李卫东已提交个人对照检查材料", toSecretary.Activity.GetProperty("text").GetString(), StringComparison.Ordinal);

        await chat.SayAsync(MeetingScenario.Admin, MeetingScenario.SecretaryName, "退回 李卫东 事例不够具体，请补充");
        await bot.Services.GetRequiredService<OutboundWork>().WhenIdleAsync();
        var toMember = Assert.Single(connector.Received, r => r.Path.EndsWith("/v3/conversations/conversation-m-1/activities", StringComparison.Ordinal));
        Assert.Contains("意见：事例不够具体，请补充", toMember.Activity.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Empty(connector.Unexpected);
    }
}
