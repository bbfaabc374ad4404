namespace MeetingBot.Dialogs.Bank;

/// <summary>When a step is asked. Conditions read answers given so far and the channel profile.</summary>
public abstract record Condition
{
    public abstract bool Holds(IAnswerView answers);
}

/// <summary>A multi step has at least one option (or its own wording) chosen.</summary>
public sealed record SelectedCondition(string StepId) : Condition
{
    public override bool Holds(IAnswerView answers) => answers.SelectedOptions(StepId).Count > 0;
}

/// <summary>A choice step's answer is the given option.</summary>
public sealed record EqualsCondition(string StepId, string OptionId) : Condition
{
    public override bool Holds(IAnswerView answers) => answers.SelectedOptions(StepId).Contains(OptionId);
}

/// <summary>The channel did not tell the given profile field (only "name" exists).</summary>
public sealed record ProfileMissingCondition(string Field) : Condition
{
    public override bool Holds(IAnswerView answers) => string.IsNullOrWhiteSpace(answers.ProfileName);
}

public sealed record AnyCondition(IReadOnlyList<Condition> Conditions) : Condition
{
    public override bool Holds(IAnswerView answers) => Conditions.Any(c => c.Holds(answers));
}

/// <summary>What conditions may look at.</summary>
public interface IAnswerView
{
    IReadOnlyList<string> SelectedOptions(string stepId);

    string? ProfileName { get; }
}
