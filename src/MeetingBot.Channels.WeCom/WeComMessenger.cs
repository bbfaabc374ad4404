using MeetingBot.Conversations;
using MeetingBot.Conversations.Files;
using MeetingBot.Conversations.Outbound;

namespace MeetingBot.Channels.WeCom;

/// <summary>
/// Messages to a WeCom member through the outbox (message/send, docs/protocols.md E.8, within the
/// member's limit, E.9): the replies' text as one message cut to fit, a reply that is a card
/// (<see cref="BotReply.Card"/>) as markdown in its place among them, then each file uploaded and
/// sent as a file message. WeCom has no buttons; the numbered choices are in the text already.
/// </summary>
public sealed class WeComMessenger(WeComOutbox outbox, ConversationFiles files) : IOutboundMessenger
{
    public string? ChannelId => WeComCallbacks.ChannelId;

    public async Task DeliverAsync(ConversationAddress address, IReadOnlyList<BotReply> replies, CancellationToken cancellationToken)
    {
        var parts = new List<WeComOutgoing>();
        var texts = new List<BotReply>();
        foreach (var reply in replies)
        {
            if (reply.Card is { } card)
            {
                parts.AddRange(TextParts(texts));
                texts.Clear();
                // Markdown is cut like text: at line ends, and its marks stand on short lines of their own.
                parts.AddRange(WeComText.Split(WeComMarkdown.Render(card)).Select(p => new WeComOutgoing.Markdown(p)));
            }
            else
            {
                texts.Add(reply);
            }
        }

        parts.AddRange(TextParts(texts));
        foreach (var attachment in replies.SelectMany(r => r.Attachments))
        {
            if (await files.ReadAsync(address, attachment.FileId, cancellationToken) is { } file)
            {
                parts.Add(new WeComOutgoing.File(file.Name, file.MediaType, file.Content));
            }
        }

        if (parts.Count > 0)
        {
            await outbox.SendAsync(address.UserId, parts);
        }
    }

    /// <summary>The replies of a turn as one text, in the order given.</summary>
    public static string Joined(IReadOnlyList<BotReply> replies) => string.Join(WeComText.ReplySeparator, replies.Select(r => r.Text).Where(t => t.Length > 0));

    private static IEnumerable<WeComOutgoing> TextParts(IReadOnlyList<BotReply> replies) =>
        Joined(replies) is { Length: > 0 } text ? WeComText.Split(text).Select(p => new WeComOutgoing.Text(p)) : [];
}
