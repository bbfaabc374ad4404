using MeetingBot.Conversations;
using MeetingBot.Conversations.Files;
using MeetingBot.Meetings;
using MeetingBot.TestKit.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingBot.TestKit.Meetings;

/// <summary>What the bot answered one message: the reply texts and the files that came with them.</summary>
public sealed record ChatReply(IReadOnlyList<string> Texts, IReadOnlyList<ChatFile> Files)
{
    public string Text => string.Join("\n---\n", Texts);
}

public sealed record ChatFile(string Name, byte[] Content);

/// <summary>Several people, each in their own conversation with one bot, on some channel.</summary>
public interface IMeetingChat
{
    /// <summary>A message from the person with <paramref name="account"/> (channel:user) in their own conversation.</summary>
    Task<ChatReply> SayAsync(string account, string name, string text);
}

/// <summary>
/// The people talk to the real turn pipeline of a <see cref="ConversationDriver"/>, each in a
/// conversation of their own (conversation-&lt;user&gt;), which the bot may write to first.
/// </summary>
public sealed class PipelineChat(ConversationDriver bot) : IMeetingChat
{
    public async Task<ChatReply> SayAsync(string account, string name, string text)
    {
        var (channel, user) = Account(account);
        var conversation = "conversation-" + user;
        var result = await bot.Pipeline.ProcessAsync(new TurnInput
        {
            ChannelId = channel,
            ConversationId = conversation,
            UserId = user,
            UserName = name,
            ActivityId = Guid.NewGuid().ToString("N"),
            Kind = TurnKind.Message,
            Text = text,
            Address = new ConversationAddress(channel, conversation, user),
        }, CancellationToken.None);
        var files = bot.Services.GetRequiredService<ConversationFiles>();
        var attached = new List<ChatFile>();
        foreach (var attachment in result.Replies.SelectMany(r => r.Attachments))
        {
            var file = await files.ReadAsync(ConversationKeys.Partition(channel, conversation), attachment.FileId, CancellationToken.None);
            attached.Add(new ChatFile(attachment.Name, file!.Content));
        }

        return new ChatReply(result.Replies.Select(r => r.Text).ToArray(), attached);
    }

    /// <summary>An account as rosters write it (channel:user).</summary>
    public static ChannelIdentity Account(string account) =>
        ChannelIdentity.Parse(account) ?? throw new ArgumentException("An account is channel:user.", nameof(account));
}
