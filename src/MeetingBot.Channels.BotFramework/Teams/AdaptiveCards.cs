using System.Text.Json;
using System.Text.Json.Nodes;
using MeetingBot.Conversations;
using MeetingBot.Materials.Outline;

namespace MeetingBot.Channels.BotFramework.Teams;

/// <summary>
/// Adaptive Cards (docs/protocols.md A.4): choice questions on Teams, a file's download, and a reply
/// that is a card (<see cref="BotReply.Card"/>). The submit action carries the question's key, so a
/// click on an old card is recognised, and the option labels, so the answered card can be shown
/// read-only with what was chosen.
/// </summary>
public static class AdaptiveCards
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string ChoicesInput = "choices";

    /// <summary>The card asking a question: its text, a choice set (multi-select for multi questions) and a submit button.</summary>
    public static JsonObject Question(ReplyQuestion question, string submitTitle) => Card(
        new JsonArray(
            TextBlock(question.Prompt),
            new JsonObject
            {
                ["type"] = "Input.ChoiceSet",
                ["id"] = ChoicesInput,
                ["isMultiSelect"] = question.Multi,
                ["style"] = "expanded",
                ["choices"] = new JsonArray(question.Options.Select(o => (JsonNode)new JsonObject
                {
                    ["title"] = o.Suggested ? o.Label + " ★" : o.Label,
                    ["value"] = o.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                }).ToArray()),
            }),
        new JsonArray(new JsonObject
        {
            ["type"] = "Action.Submit",
            ["title"] = submitTitle,
            ["data"] = new JsonObject
            {
                [CardSubmission.QuestionKeyField] = question.Key,
                [CardSubmission.PromptField] = question.Prompt,
                [CardSubmission.LabelsField] = new JsonObject(question.Options.Select(o =>
                    KeyValuePair.Create(o.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), (JsonNode?)JsonValue.Create(o.Label)))),
            },
        }));

    /// <summary>A file to download: its name and a button that opens its link.</summary>
    public static JsonObject Download(string fileName, string buttonTitle, string url) => Card(
        new JsonArray(TextBlock(fileName)),
        new JsonArray(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = buttonTitle, ["url"] = url }));

    /// <summary>
    /// A reply's outline as a card, one wrapped text block per block of the outline: title lines large
    /// and bold, headings bold with space above them, closing lines to the right. Every word is the
    /// outline's; the card adds only its layout.
    /// </summary>
    public static JsonObject Outline(DocumentOutline outline) => Card(
        new JsonArray(outline.Blocks.Select(block => (JsonNode)(block.Kind switch
        {
            BlockKind.Title => Bold(block.Text).With("size", "large"),
            BlockKind.Heading1 or BlockKind.Heading2 => Bold(block.Text).With("spacing", "medium"),
            BlockKind.Closing => TextBlock(block.Text).With("horizontalAlignment", "right"),
            _ => TextBlock(block.Text),
        })).ToArray()),
        null);

    /// <summary>The same question after it was answered: read-only, with the answer.</summary>
    public static JsonObject Answered(string prompt, string answeredLine) => Card(new JsonArray(TextBlock(prompt), TextBlock(answeredLine, subtle: true)), null);

    public static JsonElement Attachment(JsonObject card) => JsonSerializer.SerializeToElement(
        new JsonObject { ["contentType"] = ContentType, ["content"] = card }, BotFrameworkJsonContext.Default.JsonObject);

    private static JsonObject Card(JsonArray body, JsonArray? actions)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.4",
            ["body"] = body,
        };
        if (actions is not null)
        {
            card["actions"] = actions;
        }

        return card;
    }

    private static JsonObject TextBlock(string text, bool subtle = false) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = text,
        ["wrap"] = true,
        ["isSubtle"] = subtle,
    };

    private static JsonObject Bold(string text) => TextBlock(text).With("weight", "bolder");

    private static JsonObject With(this JsonObject block, string property, string value)
    {
        block[property] = value;
        return block;
    }
}

/// <summary>
/// What a submitted card sends back, from a message's value (Action.Submit) or an
/// adaptiveCard/action invoke's action data (Action.Execute).
/// </summary>
public sealed record CardSubmission(string QuestionKey, string Prompt, IReadOnlyList<string> Numbers, IReadOnlyDictionary<string, string> Labels)
{
    public const string QuestionKeyField = "questionKey";
    public const string PromptField = "prompt";
    public const string LabelsField = "labels";

    /// <summary>The answer as the engine reads typed text: the chosen numbers separated by spaces.</summary>
    public string Text => string.Join(' ', Numbers);

    public string AnswerLabels => string.Join("、", Numbers.Select(n => Labels.GetValueOrDefault(n, n)));

    public static CardSubmission? From(JsonElement? data)
    {
        if (data is not { ValueKind: JsonValueKind.Object } value || !value.TryGetProperty(QuestionKeyField, out var key) || key.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var numbers = value.TryGetProperty(AdaptiveCards.ChoicesInput, out var choices) && choices.ValueKind == JsonValueKind.String
            ? choices.GetString()!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];
        var labels = value.TryGetProperty(LabelsField, out var map) && map.ValueKind == JsonValueKind.Object
            ? map.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "")
            : [];
        var prompt = value.TryGetProperty(PromptField, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : "";
        return new CardSubmission(key.GetString()!, prompt, numbers, labels);
    }
}
