using System.Text.Json;
using MeetingBot.Channels.BotFramework.Files;
using MeetingBot.Channels.BotFramework.Teams;
using MeetingBot.Conversations;
using MeetingBot.Conversations.Files;
using MeetingBot.Dialogs.Bank;
using Microsoft.Extensions.Options;

namespace MeetingBot.Channels.BotFramework;

/// <summary>
/// A turn's replies as Bot Framework activities (docs/protocols.md A.4, A.5, A.8): text split to fit,
/// choices as suggested actions, and on Teams a typing indicator before a draft and choice questions
/// as Adaptive Cards. A reply that is a card (<see cref="BotReply.Card"/>, 提示) is an Adaptive Card
/// on Teams and on the local Web Chat page, which both render them, and its text elsewhere (the
/// Emulator, tests). Files become download links that expire: an attachment Web Chat shows as a
/// file, and on Teams (which shows no plain file attachments from bots) a card with a download button.
/// </summary>
public sealed class ReplyActivities(ReplyRenderer renderer, FileLinks links, IOptions<ConversationOptions> options)
{
    /// <summary>Longest text in one message; Teams allows about 100 KB per message counted as UTF-16 (docs/protocols.md B.5).</summary>
    public const int MaxMessageChars = 20_000;

    /// <summary>
    /// The local Web Chat page (its channel id is Direct Line's): it renders Adaptive Cards, so a
    /// question with several answers comes as a card with checkboxes and 确定 (one-answer questions
    /// keep their buttons, where a click is the answer), and a reply that is a card comes as one.
    /// </summary>
    private const string WebChatChannel = "directline";

    /// <param name="template">The activity each reply starts from: a reply to the inbound activity, or one to a stored address.</param>
    /// <param name="baseUrl">The bot's own base URL, which file links point at.</param>
    public async Task<IReadOnlyList<Activity>> ToActivitiesAsync(Activity template, string baseUrl, IReadOnlyList<BotReply> replies, CancellationToken cancellationToken)
    {
        var teams = template.ChannelId == ActivityTypes.MsTeams;
        var activities = new List<Activity>();
        if (teams && replies.Any(r => r.IsDraft))
        {
            activities.Add(template with { Type = ActivityTypes.Typing });
        }

        foreach (var reply in replies)
        {
            activities.AddRange(ToActivities(template, reply, teams));
            foreach (var attachment in reply.Attachments)
            {
                activities.Add(await FileActivityAsync(template, baseUrl, attachment, teams, cancellationToken));
            }
        }

        return activities;
    }

    /// <summary>Splits a long text at line breaks (or, for a line longer than the limit, inside it) keeping every character.</summary>
    public static IReadOnlyList<string> Split(string text, int maxChars)
    {
        var parts = new List<string>();
        var rest = text.AsSpan();
        while (rest.Length > maxChars)
        {
            var cut = rest[..maxChars].LastIndexOf('\n') + 1;
            if (cut <= 0)
            {
                cut = char.IsHighSurrogate(rest[maxChars - 1]) ? maxChars - 1 : maxChars;
            }

            parts.Add(rest[..cut].ToString());
            rest = rest[cut..];
        }

        parts.Add(rest.ToString());
        return parts;
    }

    private IEnumerable<Activity> ToActivities(Activity template, BotReply reply, bool teams)
    {
        // Teams shows a question with choices as a form; text and card go in separate activities there (A.5).
        if (reply.Question is { } question && (teams || (question.Multi && template.ChannelId == WebChatChannel)))
        {
            var submit = renderer.RenderMessage(MessageKeys.CardSubmit, new Dictionary<string, object?>());
            yield return template with { Attachments = [AdaptiveCards.Attachment(AdaptiveCards.Question(question, submit))], InputHint = "expectingInput" };
            yield break;
        }

        if (reply.Card is { } card && (teams || template.ChannelId == WebChatChannel))
        {
            yield return template with { Attachments = [AdaptiveCards.Attachment(AdaptiveCards.Outline(card))], InputHint = "acceptingInput" };
            yield break;
        }

        var parts = Split(reply.Text, MaxMessageChars);
        for (var i = 0; i < parts.Count; i++)
        {
            var last = i == parts.Count - 1;
            yield return template with
            {
                Text = parts[i],
                // Drafts are official prose, not Markdown: shown exactly as written, user text included.
                TextFormat = "plain",
                InputHint = last && reply.Choices.Count > 0 ? "expectingInput" : "acceptingInput",
                SuggestedActions = last && reply.Choices.Count > 0
                    ? new SuggestedActions(reply.Choices.Select(c => new CardAction("imBack", c, c)).ToArray())
                    : null,
            };
        }
    }

    private async Task<Activity> FileActivityAsync(Activity template, string baseUrl, ReplyAttachment attachment, bool teams, CancellationToken cancellationToken)
    {
        var partition = ConversationKeys.Partition(template.ChannelId ?? "", template.Conversation?.Id ?? "");
        var token = await links.CreateTokenAsync(partition, attachment.FileId, options.Value.FileLifetime, cancellationToken);
        var url = FileEndpoints.Url(baseUrl, token);
        var button = renderer.RenderMessage(MessageKeys.DownloadButton, new Dictionary<string, object?>());
        var file = teams
            ? AdaptiveCards.Attachment(AdaptiveCards.Download(attachment.Name, button, url))
            : JsonSerializer.SerializeToElement(new FileAttachment(attachment.MediaType, url, attachment.Name), BotFrameworkJsonContext.Default.FileAttachment);
        return template with { Attachments = [file] };
    }
}
