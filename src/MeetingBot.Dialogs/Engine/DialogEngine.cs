using MeetingBot.Dialogs.Bank;

namespace MeetingBot.Dialogs.Engine;

/// <summary>
/// Runs a conversation's dialog: takes the state, the context and what the cadre typed, updates the
/// state and returns what to show and how the turn ended. It is deterministic and does no I/O; the
/// conversation pipeline loads and saves the state around it. A state from an earlier version of
/// its bank is migrated first (<see cref="BankMigration"/>).
/// </summary>
public sealed class DialogEngine(QuestionBankCatalog catalog, ISubmissionGate? gate = null)
{
    /// <summary>The longest answer accepted anywhere, in characters.</summary>
    public const int MaxAnswerLength = 2000;

    public QuestionBankCatalog Catalog { get; } = catalog;

    /// <summary>The conversation was opened (or re-opened): greet, then ask where the cadre is.</summary>
    public DialogTurn Start(DialogState state, ConversationContext context) => Session(state, context).Start();

    /// <summary>Asks the open question without a greeting: a dialog entered by a command (创建会议, 加入).</summary>
    public DialogTurn Ask(DialogState state, ConversationContext context) => Session(state, context).Ask();

    /// <summary>The question open now, or null when every question of the state's bank is answered.</summary>
    public QuestionInstance? Current(DialogState state, ConversationContext context)
    {
        Prepare(state, context);
        return QuestionPlan.Current(QuestionPlan.Expand(Catalog.BankOf(state), new AnswerView(state, context)), state);
    }

    /// <param name="questionKey">The question a clicked form belonged to, if the answer came from one.</param>
    public DialogTurn Handle(DialogState state, ConversationContext context, string text, string? questionKey = null) =>
        Session(state, context).Handle(text, questionKey);

    /// <summary>Takes a submitted material back to its review step, its answers kept (撤回修改, 退回).</summary>
    public void Reopen(DialogState state) => Session(state, ConversationContext.Empty).Reopen();

    /// <summary>Brings the state onto the current version of its bank; true when anything changed.</summary>
    public bool Prepare(DialogState state, ConversationContext context) => BankMigration.Migrate(state, Catalog.BankOf(state), context);

    private DialogSession Session(DialogState state, ConversationContext context)
    {
        Prepare(state, context);
        return new DialogSession(Catalog.BankOf(state), state, context, gate);
    }
}

/// <summary>The events of one turn and how it ended.</summary>
public sealed record DialogTurn(IReadOnlyList<DialogEvent> Events, DialogOutcome Outcome);

/// <summary>How a turn ended, for channels that show more than text (an answered card turns read-only).</summary>
public enum DialogOutcome
{
    /// <summary>A question was answered (or skipped) and the answer kept.</summary>
    Answered,

    /// <summary>The material was submitted.</summary>
    Submitted,

    /// <summary>A clicked form belonged to an earlier question; nothing was taken.</summary>
    StaleClick,

    /// <summary>Anything else: a command, a greeting, an answer that was not taken.</summary>
    Other,
}
