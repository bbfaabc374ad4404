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

    // A meeting's commands (docs/architecture.md, "Meetings"): the pipeline takes them before the engine.
    CreateMeeting,
    Join,
    Meetings,
    Summary,
    Similarity,
    Rectification,
    Export,
    Return,
    Withdraw,
    AddSecretary,
    Invitation,
    View,
    Prompt,
    NoteCriticism,
    Remind,
    PauseReminders,
    ResumeReminders,
}

/// <summary>The words that trigger each command, from commands.yaml.</summary>
public sealed class CommandWords(IReadOnlyDictionary<Command, IReadOnlyList<string>> words)
{
    private static readonly char[] Separators = [' ', '\u3000', '：', ':'];

    // Commands whose word may be followed by a separator and an argument ("加入 K7M2QX", "退回 李卫东 事例不具体", "记一条批评意见 ……").
    private static readonly Command[] WithArgument = [Command.Join, Command.Meetings, Command.Return, Command.AddSecretary, Command.View, Command.NoteCriticism];

    public IReadOnlyDictionary<Command, IReadOnlyList<string>> Words { get; } = words;

    /// <summary>
    /// Recognises a command typed as the whole message. The edit command also takes the rest of the
    /// line as its argument ("修改 工作作风", "修改工作作风"); the commands of <see cref="WithArgument"/>
    /// take it after a separator, so an answer that merely begins with their word stays an answer.
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

                var rest = trimmed.StartsWith(word, StringComparison.OrdinalIgnoreCase) ? trimmed[word.Length..] : null;
                if (rest is not null && (command == Command.Edit || (WithArgument.Contains(command) && Separators.Contains(rest[0]))))
                {
                    return (command, rest.Trim(Separators));
                }
            }
        }

        return null;
    }

    public string First(Command command) => Words[command][0];

    /// <summary>A command's key in commands.yaml: its name in snake case (add_secretary).</summary>
    public static string NameOf(Command command) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(command.ToString());
}
