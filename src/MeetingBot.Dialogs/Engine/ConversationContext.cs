using System.Collections.Frozen;
using MeetingBot.Dialogs.Bank;

namespace MeetingBot.Dialogs.Engine;

/// <summary>
/// What the bot knows about a conversation besides its answers: facts by role (the cadre's name as
/// the channel tells it; unit, post and areas from a roster; the meeting's kind and title), lists
/// that steps draw options from (<c>options_from</c>: a meeting's findings or headings), and today's
/// date for date answers. It is built for every turn and never stored with the answers, so a
/// corrected roster shows at once.
/// </summary>
public sealed record ConversationContext
{
    public static readonly ConversationContext Empty = new();

    public IReadOnlyDictionary<string, string> Facts { get; init; } = FrozenDictionary<string, string>.Empty;

    public IReadOnlyDictionary<string, IReadOnlyList<ContextItem>> Lists { get; init; } = FrozenDictionary<string, IReadOnlyList<ContextItem>>.Empty;

    /// <summary>
    /// Choices the context makes for steps it answers itself, by step id (a meeting's kind for the
    /// meeting_kind step): conditions and the draft read them as if the cadre had chosen them.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Choices { get; init; } = FrozenDictionary<string, IReadOnlyList<string>>.Empty;

    /// <summary>
    /// The headings of the meeting's theme the draft writes problems and measures under, by aspect id
    /// (the <c>aspect</c> of a section); empty when the draft uses the aspects' own titles.
    /// </summary>
    public IReadOnlyDictionary<string, string> Headings { get; init; } = FrozenDictionary<string, string>.Empty;

    /// <summary>The date a date answer without a year belongs to; set by the pipeline from its clock.</summary>
    public DateOnly Today { get; init; }

    public string? Fact(string role) => Facts.TryGetValue(role, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    public IReadOnlyList<ContextItem> List(string name) => Lists.TryGetValue(name, out var items) ? items : [];
}

/// <summary>An item of a context list: a stable id (stored in answers) and the words shown.</summary>
public sealed record ContextItem(string Id, string Label);

/// <summary>The answers and the context, as conditions see them: the cadre's choice, else the context's.</summary>
public readonly record struct AnswerView(DialogState State, ConversationContext Context) : IAnswerView
{
    public IReadOnlyList<string> SelectedOptions(string stepId) =>
        State.SelectedOptions(stepId) is { Count: > 0 } chosen ? chosen : Context.Choices.GetValueOrDefault(stepId) ?? [];

    public string? Fact(string role) => Context.Fact(role);

    public bool HasList(string name) => Context.List(name).Count > 0;
}
