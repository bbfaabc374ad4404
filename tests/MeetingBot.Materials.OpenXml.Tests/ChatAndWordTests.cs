using MeetingBot.Conversations;
using MeetingBot.Conversations.Files;
using MeetingBot.TestKit;
using MeetingBot.TestKit.Conversations;
using Xunit;

namespace MeetingBot.Materials.OpenXml.Tests;

/// <summary>下载Word in a real conversation: the file is the same outline as the chat text, so both say the same words in the same order.</summary>
public sealed class ChatAndWordTests
{
    [Fact]
    public async Task The_Word_file_of_a_complete_self_check_says_what_the_chat_draft_says()
    {
        using var bot = new ConversationDriver(userName: "陈立新");
        await bot.StartAsync();
        await bot.SendAllAsync(File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "tests", "MeetingBot.Conversations.Tests", "Golden", "full.answers.txt")).Where(l => l.Length > 0));
        var chat = await bot.DraftAsync();

        await bot.SendAsync("下载Word");

        var attachment = Assert.Single(bot.Replies.SelectMany(r => r.Attachments));
        Assert.EndsWith(".docx", attachment.Name, StringComparison.Ordinal);
        var file = await new ConversationFiles(bot.Store).ReadAsync(ConversationKeys.Partition(ConversationDriver.Channel, bot.ConversationId), attachment.FileId, CancellationToken.None);
        using var docx = Docx.Open(file!.Content);
        Assert.Equal(ReadingOrder.WithoutWhitespace(chat), ReadingOrder.WithoutWhitespace(string.Concat(docx.Paragraphs().Select(p => p.Text))));
        Assert.Equal(attachment.Length, file.Content.Length);
    }
}
