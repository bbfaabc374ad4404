using MeetingBot.Dialogs.Loading;

namespace MeetingBot.Meetings.Import;

/// <summary>
/// What a secretary or administrator reads when their meeting file or pasted text has a problem:
/// dialogs/meeting-files.yaml, loaded and checked at start-up. Its keys are fixed here, each with the
/// placeholders it may use; a missing or unknown key, or an unknown placeholder, stops the load.
/// </summary>
public sealed class MeetingFileMessages
{
    public const string FileName = "meeting-files.yaml";

    internal const string AtLine = "at_line";
    internal const string AtFile = "at_file";
    internal const string AtSheet = "at_sheet";
    internal const string AtCell = "at_cell";
    internal const string UnknownKind = "unknown_kind";
    internal const string BadTime = "bad_time";
    internal const string BadTimeZone = "bad_time_zone";
    internal const string BadDuration = "bad_duration";
    internal const string BadQuietHours = "bad_quiet_hours";
    internal const string BadQuietWeekends = "bad_quiet_weekends";
    internal const string DeadlineAfterMeeting = "deadline_after_meeting";
    internal const string BadAccount = "bad_account";
    internal const string PersonTwice = "person_twice";
    internal const string AccountTwice = "account_twice";
    internal const string NoSecretary = "no_secretary";
    internal const string SecretaryWithoutAccount = "secretary_without_account";
    internal const string NoFindingsKey = "no_findings";
    internal const string NoHeadingsKey = "no_headings";
    internal const string UnknownTheme = "unknown_theme";
    internal const string ThemeKind = "theme_kind";
    internal const string ThemeAndHeadings = "theme_and_headings";
    internal const string BadInvitationCode = "bad_invitation_code";
    internal const string NoRosterSheet = "no_roster_sheet";
    internal const string NoFactsSheet = "no_facts_sheet";
    internal const string MissingColumn = "missing_column";
    internal const string ColumnTwice = "column_twice";
    internal const string EmptyCell = "empty_cell";
    internal const string UnknownRole = "unknown_role";
    internal const string UnknownItem = "unknown_item";
    internal const string ItemTwice = "item_twice";
    internal const string MissingItem = "missing_item";

    private static readonly string[] Key = ["key"];

    /// <summary>Every key and the placeholders its text may use.</summary>
    private static readonly Dictionary<string, string[]> KnownPlaceholders = new(StringComparer.Ordinal)
    {
        [AtLine] = ["file", "line", "problem"],
        [AtFile] = ["file", "problem"],
        [AtSheet] = ["file", "sheet", "problem"],
        [AtCell] = ["file", "sheet", "row", "column", "problem"],
        ["file_missing"] = ["file", "folder"],
        ["yaml_syntax"] = ["detail"],
        ["yaml_not_mapping"] = [],
        ["unknown_key"] = ["key", "allowed"],
        ["required"] = Key,
        ["not_text"] = Key,
        ["not_number"] = Key,
        ["not_flag"] = Key,
        ["not_list"] = Key,
        ["not_mapping_value"] = Key,
        ["not_mapping_item"] = Key,
        [UnknownKind] = ["kind", "allowed"],
        [BadTime] = ["text"],
        [BadTimeZone] = ["text"],
        [BadDuration] = ["text"],
        [BadQuietHours] = ["text"],
        [BadQuietWeekends] = ["text"],
        [DeadlineAfterMeeting] = ["deadline", "date"],
        [BadAccount] = ["text", "channels"],
        [PersonTwice] = ["name"],
        [AccountTwice] = ["account", "first", "second"],
        [NoSecretary] = [],
        [SecretaryWithoutAccount] = ["name"],
        [NoFindingsKey] = [],
        [NoHeadingsKey] = [],
        [UnknownTheme] = ["theme", "allowed"],
        [ThemeKind] = ["theme", "kind"],
        [ThemeAndHeadings] = [],
        [BadInvitationCode] = ["code"],
        [NoRosterSheet] = ["columns"],
        [NoFactsSheet] = [],
        [MissingColumn] = ["header"],
        [ColumnTwice] = ["header"],
        [EmptyCell] = ["header"],
        [UnknownRole] = ["text", "allowed"],
        [UnknownItem] = ["text", "allowed"],
        [ItemTwice] = ["text"],
        [MissingItem] = ["item"],
    };

    private readonly Dictionary<string, string> _texts;

    private MeetingFileMessages(Dictionary<string, string> texts)
    {
        _texts = texts;
        Yaml = new YamlWording
        {
            At = texts[AtLine],
            FileMissing = texts["file_missing"],
            Syntax = texts["yaml_syntax"],
            NotMapping = texts["yaml_not_mapping"],
            UnknownKey = texts["unknown_key"],
            Required = texts["required"],
            NotText = texts["not_text"],
            NotNumber = texts["not_number"],
            NotFlag = texts["not_flag"],
            NotList = texts["not_list"],
            NotMappingValue = texts["not_mapping_value"],
            NotMappingItem = texts["not_mapping_item"],
        };
    }

    /// <summary>How a secretary's YAML file reports the problems of its form.</summary>
    public YamlWording Yaml { get; }

    /// <summary>Pasted feedback held no finding (for the chat, where a secretary pastes it).</summary>
    public string NoFindings => _texts[NoFindingsKey];

    /// <summary>Pasted headings held none.</summary>
    public string NoHeadings => _texts[NoHeadingsKey];

    /// <exception cref="ContentLoadException">The file is missing, lacks a key, has an unknown one or an unknown placeholder.</exception>
    public static MeetingFileMessages Load(string dialogsDirectory)
    {
        var problems = new List<string>();
        var root = YamlFile.Open(dialogsDirectory, FileName, problems, out var file);
        var texts = root is null ? [] : file.FixedTexts(root, KnownPlaceholders.Keys, "message");
        foreach (var (key, text) in texts)
        {
            foreach (var unknown in Placeholders.Names(text).Where(name => !KnownPlaceholders[key].Contains(name)).Distinct())
            {
                file.Problem(YamlFile.Get(root!, key)!, $"message '{key}': unknown placeholder {{{unknown}}} (known here: {Known(key)})");
            }
        }

        return problems.Count > 0 ? throw new ContentLoadException(problems) : new MeetingFileMessages(texts);
    }

    internal string Text(string key, params ReadOnlySpan<(string Name, string Value)> values) => Placeholders.Fill(_texts[key], values);

    private static string Known(string key) => KnownPlaceholders[key] is { Length: > 0 } names ? string.Join(", ", names.Select(n => "{" + n + "}")) : "none";
}
