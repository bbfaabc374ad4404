namespace MeetingBot.Dialogs.Engine;

/// <summary>
/// What may stop a material from being submitted besides open questions: defects the cadre must
/// correct first (a placeholder left in, a wrong character they typed). The material is not the
/// engine's to read, so the materials box answers this.
/// </summary>
public interface ISubmissionGate
{
    IReadOnlyList<SubmitBlock> Check(DialogState state, ConversationContext context);
}

/// <summary>One thing to correct before 提交: the words at fault, the suggested correction, and why.</summary>
public sealed record SubmitBlock(string Text, string Suggestion, string Note);
