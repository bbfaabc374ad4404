using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MeetingBot.Materials.Checking;

/// <summary>
/// Reads checks.yaml through YamlDotNet's node model, so that every value keeps its line. Each
/// reader reports what is wrong and hands back a harmless stand-in, so one load lists every
/// problem of the file instead of stopping at the first (as dialogs/ does for the question bank).
/// </summary>
internal sealed partial class RulesYaml(string fileName, List<string> problems)
{
    // Our own patterns: a pathological one must not hang a turn of the bot.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    private static readonly YamlMappingNode Empty = new();

    public static YamlMappingNode? Open(string directory, string fileName, List<string> problems)
    {
        var path = Path.Combine(directory, fileName);
        if (!File.Exists(path))
        {
            problems.Add($"{fileName}: the file is missing from {directory}");
            return null;
        }

        try
        {
            var stream = new YamlStream();
            using var reader = new StreamReader(path);
            stream.Load(reader);
            if (stream.Documents is [{ RootNode: YamlMappingNode root }])
            {
                return root;
            }

            problems.Add($"{fileName}:1: the file must hold one mapping (key: value)");
        }
        catch (YamlException e)
        {
            problems.Add($"{fileName}:{e.Start.Line}: {e.Message}");
        }

        return null;
    }

    public void Report(YamlNode at, string message) => problems.Add($"{fileName}:{at.Start.Line}: {message}");

    /// <summary>Reports any key but these: an unknown key is nearly always a misspelt one.</summary>
    public void AllowKeys(YamlMappingNode map, params string[] allowed)
    {
        foreach (var key in map.Children.Keys.OfType<YamlScalarNode>().Where(k => !allowed.Contains(k.Value)))
        {
            Report(key, $"unknown key '{key.Value}' (allowed: {string.Join(", ", allowed)})");
        }
    }

    public static YamlNode? Find(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public YamlMappingNode Mapping(YamlMappingNode map, string key) => Find(map, key) switch
    {
        YamlMappingNode found => found,
        null => Missing(map, key, Empty),
        var other => Wrong(other, $"'{key}' must be a mapping", Empty),
    };

    public string Text(YamlMappingNode map, string key) =>
        OptionalText(map, key) ?? (Find(map, key) is null ? Missing(map, key, "") : "");

    public string? OptionalText(YamlMappingNode map, string key) => Find(map, key) switch
    {
        null => null,
        YamlScalarNode { Value: { Length: > 0 } value } => value,
        var other => Wrong<string?>(other, $"'{key}' must be a non-empty text", ""),
    };

    public bool Flag(YamlMappingNode map, string key) => OptionalText(map, key) switch
    {
        null => false,
        var text when bool.TryParse(text, out var value) => value,
        _ => Wrong(Find(map, key)!, $"'{key}' must be true or false", false),
    };

    public int Number(YamlMappingNode map, string key, int min, int max)
    {
        var text = Text(map, key);
        if (text.Length == 0)
        {
            return min;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Report(Find(map, key)!, $"'{key}' must be a whole number from {min} to {max}");
        return min;
    }

    public IReadOnlyList<YamlScalarNode> Scalars(YamlMappingNode map, string key) => Find(map, key) switch
    {
        YamlSequenceNode { Children.Count: > 0 } list => list.Children.Select(Scalar).OfType<YamlScalarNode>().ToArray(),
        null => Missing<YamlScalarNode[]>(map, key, []),
        var other => Wrong<YamlScalarNode[]>(other, $"'{key}' must be a list with at least one entry", []),
    };

    public IReadOnlyList<YamlMappingNode> Mappings(YamlMappingNode map, string key) => Find(map, key) switch
    {
        YamlSequenceNode { Children.Count: > 0 } list => list.Children
            .Select(c => c as YamlMappingNode ?? Wrong<YamlMappingNode?>(c, $"each entry of '{key}' must be a mapping", null))
            .OfType<YamlMappingNode>().ToArray(),
        null => Missing<YamlMappingNode[]>(map, key, []),
        var other => Wrong<YamlMappingNode[]>(other, $"'{key}' must be a list with at least one entry", []),
    };

    /// <summary>A .NET regular expression; a broken one is reported with the reason.</summary>
    public Regex Pattern(YamlNode at, string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            Report(at, $"'{pattern}' is not a valid regular expression: {e.Message}");
            return new Regex("(?!)", RegexOptions.None, MatchTimeout);
        }
    }

    public Regex Pattern(YamlMappingNode map, string key) => Pattern(Find(map, key) ?? map, Text(map, key));

    public IReadOnlyList<Regex> Patterns(YamlMappingNode map, string key) =>
        Scalars(map, key).Select(s => Pattern(s, s.Value ?? "")).ToArray();

    /// <summary>A text for the user, with no {placeholder} but the ones this rule fills in.</summary>
    public string Template(YamlMappingNode map, string key, params string[] placeholders)
    {
        var text = Text(map, key);
        foreach (Match used in Placeholder().Matches(text))
        {
            if (!placeholders.Contains(used.Groups[1].Value))
            {
                var known = placeholders.Length == 0 ? "none" : string.Join(", ", placeholders.Select(p => "{" + p + "}"));
                Report(Find(map, key)!, $"unknown placeholder {used.Value} in '{key}' (known here: {known})");
            }
        }

        return text;
    }

    public Advice Advice(YamlMappingNode map, params string[] placeholders)
    {
        AllowKeys(map, "suggestion", "note");
        return new Advice(Template(map, "suggestion", placeholders), Template(map, "note", placeholders));
    }

    /// <summary>A month written 2024-07.</summary>
    public YearMonth Month(YamlNode at, string text)
    {
        var parts = text.Split('-');
        if (parts is [var y, var m] && int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out var month) && year is >= 1921 and <= 2999 && month is >= 1 and <= 12)
        {
            return new YearMonth(year, month);
        }

        Report(at, $"'{text}' must be a month written YYYY-MM");
        return default;
    }

    private YamlScalarNode? Scalar(YamlNode node) =>
        node is YamlScalarNode { Value.Length: > 0 } scalar ? scalar : Wrong<YamlScalarNode?>(node, "each entry must be a non-empty text", null);

    // Inside a mapping that is itself missing, nothing more is reported: its absence says it all.
    private T Missing<T>(YamlMappingNode map, string key, T standIn) =>
        ReferenceEquals(map, Empty) ? standIn : Wrong(map, $"'{key}' is required", standIn);

    private T Wrong<T>(YamlNode at, string message, T standIn)
    {
        Report(at, message);
        return standIn;
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}
