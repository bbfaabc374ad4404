using System.Collections.Frozen;

namespace MeetingBot.Dialogs.Bank;

/// <summary>
/// One question bank of dialogs/ (the self-check, say), loaded and cross-checked: its sections and
/// steps, and the command words, short messages and answer validators that all banks share.
/// </summary>
public sealed class QuestionBank
{
    public QuestionBank(
        string id,
        int version,
        IReadOnlyList<Section> sections,
        CommandWords commands,
        FrozenDictionary<string, string> messages,
        FrozenDictionary<string, AnswerValidator> validators)
    {
        Id = id;
        Version = version;
        Sections = sections;
        Commands = commands;
        Messages = messages;
        Validators = validators;
        Steps = sections.SelectMany(s => s.Steps).ToArray();
        StepsById = Steps.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal);
        Aspects = sections.Where(s => s.Aspect is not null).Select(s => s.Aspect!).ToArray();
    }

    public string Id { get; }

    /// <summary>Raised whenever the steps change in a way that matters to answers (dialogs/README.md, "Versions").</summary>
    public int Version { get; }

    public IReadOnlyList<Section> Sections { get; }

    /// <summary>The problem aspects of the draft (the sections' <c>aspect</c>), in order; a meeting's theme maps each to a heading.</summary>
    public IReadOnlyList<string> Aspects { get; }

    public CommandWords Commands { get; }

    /// <summary>Short user-facing messages by key (see <see cref="MessageKeys"/>).</summary>
    public FrozenDictionary<string, string> Messages { get; }

    public FrozenDictionary<string, AnswerValidator> Validators { get; }

    /// <summary>All steps in conversation order.</summary>
    public IReadOnlyList<Step> Steps { get; }

    public FrozenDictionary<string, Step> StepsById { get; }

    public Section SectionOf(Step step) => Sections.First(s => s.Id == step.SectionId);

    /// <summary>Finds a section by its title, alias or id, as typed after the edit command.</summary>
    public Section? FindSection(string name)
    {
        var wanted = name.Trim();
        return Sections.FirstOrDefault(s =>
            s.Title == wanted || s.Id.Equals(wanted, StringComparison.OrdinalIgnoreCase) || s.Aliases.Contains(wanted));
    }

    public Step? StepWithRole(string role) => Steps.FirstOrDefault(s => s.Role == role);

    public string Message(string key) => Messages[key];
}

/// <summary>A part of the self-check, and the unit that the edit command re-opens.</summary>
public sealed record Section(string Id, string Title, IReadOnlyList<string> Aliases, string? Aspect, IReadOnlyList<Step> Steps);

public enum StepKind
{
    Text,
    Number,
    Choice,
    Multi,
    Date,
    Review,
}

/// <summary>One question of the bank. Which fields matter depends on <see cref="Kind"/>.</summary>
public sealed record Step
{
    public required string Id { get; init; }

    public required string SectionId { get; init; }

    public required StepKind Kind { get; init; }

    public required string Prompt { get; init; }

    public required int Line { get; init; }

    public string? Role { get; init; }

    /// <summary>For measures and commitments: the aspect they answer.</summary>
    public string? Aspect { get; init; }

    public Condition? When { get; init; }

    public bool Optional { get; init; }

    public string? Gap { get; init; }

    public int? MaxLength { get; init; }

    public string? Hint { get; init; }

    public string? Validate { get; init; }

    public string? RetryPrompt { get; init; }

    public string? Unit { get; init; }

    public int Min { get; init; } = 1;

    public IReadOnlyList<ChoiceOption> Options { get; init; } = [];

    /// <summary>A context list (see ConversationContext) whose items are this step's options, instead of <see cref="Options"/>.</summary>
    public string? OptionsFrom { get; init; }

    public OtherOption? Other { get; init; }

    public IReadOnlyList<string> SuggestFrom { get; init; } = [];

    /// <summary>
    /// For a text step repeated for the options of a multi step: which field of the item's option
    /// to offer as a starting sentence (only <c>statement</c>); 采用 keeps it, anything else replaces it.
    /// </summary>
    public string? Offer { get; init; }

    /// <summary>The multi step whose chosen options this step repeats for.</summary>
    public string? ForEach { get; init; }

    /// <summary>A step the cadre may leave open: marked optional, or checked by a validator (the gap is then marked).</summary>
    public bool Skippable => Optional || Validate is not null;

    public ChoiceOption? FindOption(string id) => Options.FirstOrDefault(o => o.Id == id);
}

/// <summary>
/// A choice offered by a choice or multi step: its button text, and for the draft a suggested
/// statement (problems) or the heading the cadre chooses (causes, measures).
/// </summary>
public sealed record ChoiceOption
{
    public required string Id { get; init; }

    public required string Label { get; init; }

    public string? Statement { get; init; }

    public string? Heading { get; init; }

    public IReadOnlyList<string> Suggests { get; init; } = [];
}

/// <summary>The "other" choice of a multi step: the cadre's own wording, asked by <see cref="Prompt"/>.</summary>
public sealed record OtherOption(string Label, string Prompt)
{
    /// <summary>The id stored in answers when the other choice is selected.</summary>
    public const string Id = "other";
}

/// <summary>
/// A named answer check: the answer passes when it has at least <see cref="MinLength"/> characters,
/// matches one of <see cref="Patterns"/> (when there are any) and none of <see cref="Forbidden"/>.
/// </summary>
public sealed record AnswerValidator(string Name, string Description, IReadOnlyList<System.Text.RegularExpressions.Regex> Patterns)
{
    public IReadOnlyList<System.Text.RegularExpressions.Regex> Forbidden { get; init; } = [];

    public int MinLength { get; init; }

    public bool Accepts(string answer) =>
        answer.Length >= MinLength && (Patterns.Count == 0 || Patterns.Any(p => p.IsMatch(answer))) && !Forbidden.Any(p => p.IsMatch(answer));
}
