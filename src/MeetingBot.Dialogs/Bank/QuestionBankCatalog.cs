using System.Collections.Frozen;

namespace MeetingBot.Dialogs.Bank;

/// <summary>Every question bank of dialogs/ by id, and the one a new conversation runs.</summary>
public sealed class QuestionBankCatalog
{
    private readonly FrozenDictionary<string, QuestionBank> _banks;

    public QuestionBankCatalog(QuestionBank defaultBank, IEnumerable<QuestionBank> banks)
    {
        Default = defaultBank;
        _banks = banks.ToFrozenDictionary(b => b.Id, StringComparer.Ordinal);
    }

    public QuestionBank Default { get; }

    public IEnumerable<QuestionBank> Banks => _banks.Values;

    /// <summary>The command words all banks share.</summary>
    public CommandWords Commands => Default.Commands;

    /// <summary>A short message of messages.yaml (shared by all banks).</summary>
    public string Message(string key) => Default.Message(key);

    /// <summary>The bank of that id; a conversation whose bank was removed from dialogs/ falls back to the default one.</summary>
    public QuestionBank Get(string id) => _banks.GetValueOrDefault(id, Default);

    /// <summary>The bank a conversation runs: the one it started on, or the default one for a new conversation.</summary>
    public QuestionBank BankOf(Engine.DialogState state) => state.BankId.Length == 0 ? Default : Get(state.BankId);
}
