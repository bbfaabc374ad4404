using System.Text;
using MeetingBot.Conversations;
using MeetingBot.Conversations.Outbound;
using MeetingBot.Dialogs.Bank;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace MeetingBot.Channels.WeCom.Tests;

/// <summary>What the bot sends a member without being asked, and files: through message/send and media/upload.</summary>
public sealed class WeComOutboundTests : WeComHostTest
{
    private const string User = "liweidong";

    [Fact]
    public async Task A_bot_initiated_message_reaches_the_member_after_a_restart_and_from_another_instance_once_per_key()
    {
        await Bot.Sender.TextAsync(User, "年度民主生活会");
        await Bot.WhenIdleAsync();
        await Bot.DisposeAsync();

        // A restarted instance, and a second one on the same store, both send through the stored address.
        Bot = await StandIns.StartBotAsync();
        await using var second = await StandIns.StartBotAsync();
        var sentBefore = StandIns.Api.Sent.Count;
        var conversationId = WeComCryptoTests.CorpId + ":" + User;

        var first = await Remind(Bot, conversationId, "reminder-3d");
        var again = await Remind(second, conversationId, "reminder-3d");
        var other = await Remind(second, conversationId, "reminder-1d");
        await Bot.WhenIdleAsync();
        await second.WhenIdleAsync();

        Assert.Equal((DeliveryResult.Delivered, DeliveryResult.AlreadyDelivered, DeliveryResult.Delivered), (first, again, other));
        var sent = StandIns.Api.Sent.Skip(sentBefore).ToArray();
        Assert.Equal(2, sent.Length);
        Assert.All(sent, s => Assert.Equal((User, "text"), (s.ToUser, s.MsgType)));
        Assert.Contains("继续", sent[0].Content, StringComparison.Ordinal);
        Assert.Empty(StandIns.Api.Unexpected);
    }

    [Theory]
    [InlineData("下载草稿", "个人对照检查材料（草稿）.txt", "text/plain")]
    [InlineData("下载Word", "个人对照检查材料（草稿）.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    public async Task A_draft_to_download_is_uploaded_and_sent_as_a_file_message(string command, string fileName, string mediaType)
    {
        await Bot.Sender.TextAsync(User, "年度民主生活会");
        await Bot.WhenIdleAsync();
        var sentBefore = StandIns.Api.Sent.Count;

        var exchange = await Bot.Sender.TextAsync(User, command);
        await Bot.WhenIdleAsync();

        // Files never go back passively: the text and the file go out through message/send.
        Assert.Null(exchange.Passive);
        var sent = StandIns.Api.Sent.Skip(sentBefore).ToArray();
        Assert.Equal(["text", "file"], sent.Select(s => s.MsgType));
        var upload = StandIns.Api.Uploads[sent[1].Content];
        Assert.Equal(fileName, upload.FileName);
        Assert.StartsWith(mediaType, upload.ContentType, StringComparison.Ordinal);
        if (fileName.EndsWith(".txt", StringComparison.Ordinal))
        {
            Assert.Contains("一、存在的主要问题", Encoding.UTF8.GetString(upload.Content), StringComparison.Ordinal);
        }
        else
        {
            // A .docx is a zip package.
            Assert.Equal("PK"u8.ToArray(), upload.Content[..2]);
        }

        Assert.Empty(StandIns.Api.Unexpected);
    }

    private static Task<DeliveryResult> Remind(WeComBot bot, string conversationId, string key) =>
        bot.Services.GetRequiredService<BotInitiatedTurns>().RunAsync(
            WeComCallbacks.ChannelId, conversationId, key, new Notice(MessageKeys.ReminderUnfinished, new Dictionary<string, object?>()), CancellationToken.None);
}
