namespace MeetingBot.Dialogs.Loading;

/// <summary>
/// The words a <see cref="YamlFile"/> reports its own problems in, as templates with
/// <see cref="Placeholders"/>. The bot's content files are fixed by developers and keep
/// <see cref="English"/>; a file a secretary hands in gets Chinese ones from a data file.
/// </summary>
public sealed record YamlWording
{
    public static YamlWording English { get; } = new();

    /// <summary>A problem at a line: <c>{file}</c>, <c>{line}</c>, <c>{problem}</c>.</summary>
    public string At { get; init; } = "{file}:{line}: {problem}";

    /// <summary><c>{file}</c>, <c>{folder}</c>.</summary>
    public string FileMissing { get; init; } = "{file}: the file is missing from {folder}";

    /// <summary>The file does not parse: <c>{detail}</c> is the parser's own description.</summary>
    public string Syntax { get; init; } = "{detail}";

    public string NotMapping { get; init; } = "the file must hold a mapping (key: value)";

    /// <summary><c>{key}</c>, <c>{allowed}</c>.</summary>
    public string UnknownKey { get; init; } = "unknown key '{key}' (allowed: {allowed})";

    /// <summary>This and the rest: <c>{key}</c>.</summary>
    public string Required { get; init; } = "'{key}' is required";

    public string NotText { get; init; } = "'{key}' must be a non-empty text";

    public string NotNumber { get; init; } = "'{key}' must be a whole number ≥ 0";

    public string NotFlag { get; init; } = "'{key}' must be true or false";

    public string NotList { get; init; } = "'{key}' must be a list";

    public string NotMappingValue { get; init; } = "'{key}' must be a mapping (key: value)";

    public string NotMappingItem { get; init; } = "each item of '{key}' must be a mapping";
}
