namespace MeetingBot.Dialogs.Engine;

/// <summary>
/// Everything the engine remembers about one cadre's self-check. The current question is not
/// stored: it is derived from the answers (the first question of the plan without one), so a
/// restart or a retried turn always resumes exactly where the answers say.
/// </summary>
public sealed class DialogState
{
    /// <summary>The question bank this conversation runs, and the version its answers were given in.</summary>
    public string BankId { get; set; } = "";

    public int BankVersion { get; set; }

    /// <summary>Answers by question key (see <see cref="QuestionInstance.Key"/>).</summary>
    public Dictionary<string, Answer> Answers { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Answered questions of a part the cadre is going through again (修改), each asked with its answer until replaced or kept.</summary>
    public List<string> Revisit { get; init; } = [];

    /// <summary>An answered question re-opened by the back command; asked before any unanswered one.</summary>
    public string? Reopened { get; set; }

    /// <summary>The question whose answer failed its validator once already (asked again with a hint).</summary>
    public string? RetriedKey { get; set; }

    public bool ConfirmingRestart { get; set; }

    public bool Submitted { get; set; }

    public IReadOnlyList<string> SelectedOptions(string stepId) =>
        Answers.TryGetValue(stepId, out var answer) ? answer.Selected : [];
}

/// <summary>
/// One answer. <see cref="Selected"/> holds option ids (and "other") for choice and multi steps;
/// <see cref="Gap"/> marks an answer kept although it did not pass its validator, or skipped.
/// </summary>
public sealed record Answer
{
    public IReadOnlyList<string> Selected { get; init; } = [];

    public string? Text { get; init; }

    public int? Number { get; init; }

    public DateOnly? Date { get; init; }

    public bool Skipped { get; init; }

    public bool Gap { get; init; }
}
