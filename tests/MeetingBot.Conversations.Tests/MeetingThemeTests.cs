using System.Text;
using MeetingBot.Meetings.Storage;
using MeetingBot.TestKit;
using MeetingBot.TestKit.Conversations;
using MeetingBot.TestKit.Meetings;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace MeetingBot.Conversations.Tests;

/// <summary>A draft written under the headings a secretary entered for the meeting, aspects mapped to them by order.</summary>
public sealed class MeetingThemeTests : IDisposable
{
    private const string Meeting = """
        meeting:
          kind: 年度
          title: 青山县交通运输局党组2026年度民主生活会
          unit: 青山县交通运输局党组
          date: 2026-12-28 09:00
          deadline: 2026-12-25 18:00
          headings: |
            一、带头强化理论武装
            二、带头担当作为、改进作风、廉洁自律
        secretaries:
          - name: 赵强
            accounts: [test:sec-9]
        members:
          - name: 周立
            post: 党组成员、副局长
            areas: 公路建设、运输管理
            accounts: [test:m-9]
        """;

    private readonly ConversationDriver _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task Problems_stand_under_the_entered_headings_and_aspects_sharing_a_heading_are_written_together()
    {
        await MeetingContent.ImportAsync(_bot.Services, Meeting);
        var chat = new PipelineChat(_bot);

        string[] answers =
        [
            "开始", "2026", "12", "20", "党的二十届四中全会精神",
            "1", "采用", "工作一忙就把自学往后放，集中学习前很少通读材料", "今年一季度3次中心组集中学习，有2次没有提前准备发言提纲",
            "1", "采用", "遇到征地拆迁的难题习惯于等上级拿意见", "今年5月城东公路改线中，2户拆迁协商拖了3个月",
            "1", "采用", "下基层调研多是听汇报，到施工一线少", "今年上半年到在建项目工地只有2次",
            "无", "下载草稿",
        ];
        ChatReply reply = new([], []);
        foreach (var answer in answers)
        {
            reply = await chat.SayAsync("test:m-9", "周立", answer);
        }

        var draft = Encoding.UTF8.GetString(Assert.Single(reply.Files).Content);
        Assert.Contains("（一）带头强化理论武装\n", draft, StringComparison.Ordinal);
        Assert.Contains("（二）带头担当作为、改进作风、廉洁自律\n", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("理论学习方面", draft, StringComparison.Ordinal);
        // Duty and conduct share the second heading: one part, their problems numbered through.
        var second = draft[draft.IndexOf("（二）带头担当作为", StringComparison.Ordinal)..];
        Assert.Contains("一是", second, StringComparison.Ordinal);
        Assert.Contains("二是", second[..second.IndexOf("二、原因分析", StringComparison.Ordinal)], StringComparison.Ordinal);
    }
}
