namespace MeetingBot.Dialogs.Bank;

/// <summary>The commands the cadre can type at any point.</summary>
public enum Command
{
    Help,
    Back,
    Skip,
    Progress,
    Draft,
    Download,
    Word,
    Edit,
    Restart,
    Submit,
    Yes,
    No,
    Accept,
    None,
    Resume,
    Keep,
}

/// <summary>The words that trigger each command, from commands.yaml.</summary>
public sealed class CommandWords(IReadOnlyDictionary<Command, IReadOnlyList<string>> words)
{
    public IReadOnlyDictionary<Command, IReadOnlyList<string>> Words { get; } = words;

    /// <summary>
    /// Recognises a command typed as the whole message; the edit command also takes the rest of
    /// the line as its argument ("修改 工作作风").
    /// </summary>
    public (Command Command, string Argument)? Match(string text)
    {
        var trimmed = text.Trim();
        foreach (var (command, triggers) in Words)
        {
            foreach (var word in triggers)
            {
                if (string.Equals(trimmed, word, StringComparison.OrdinalIgnoreCase))
                {
                    return (command, "");
                }

                if (command == Command.Edit && trimmed.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                {
                    return (command, trimmed[word.Length..].Trim(' ', '　', '：', ':'));
                }
            }
        }

        return null;
    }

    public string First(Command command) => Words[command][0];
}
