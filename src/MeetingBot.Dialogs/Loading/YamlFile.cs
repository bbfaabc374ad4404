using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MeetingBot.Dialogs.Loading;

/// <summary>
/// Reads one YAML file through YamlDotNet's node model so that every problem can be reported with
/// its line. Problems are collected rather than thrown, so one start-up shows all of them. The
/// loaders of dialogs/ use it, and so do the readers of other data files (themes, a meeting's
/// file), which may word the problems for their readers (<see cref="YamlWording"/>).
/// </summary>
public sealed class YamlFile
{
    private readonly List<string> _problems;
    private readonly YamlWording _wording;

    private YamlFile(string name, List<string> problems, YamlWording wording)
    {
        Name = name;
        _problems = problems;
        _wording = wording;
    }

    public string Name { get; }

    /// <summary>Whether a file's root mapping has all the keys; false for a file that does not parse (its own load reports that).</summary>
    public static bool HasTopLevelKeys(string path, params string[] keys)
    {
        try
        {
            var stream = new YamlStream();
            using var reader = new StreamReader(path);
            stream.Load(reader);
            return stream.Documents is [{ RootNode: YamlMappingNode root }, ..] && keys.All(key => root.Children.ContainsKey(new YamlScalarNode(key)));
        }
        catch (YamlException)
        {
            return false;
        }
    }

    public static YamlMappingNode? Open(string directory, string name, List<string> problems, out YamlFile file, YamlWording? wording = null)
    {
        wording ??= YamlWording.English;
        file = new YamlFile(name, problems, wording);
        var path = Path.Combine(directory, name);
        if (!File.Exists(path))
        {
            problems.Add(Placeholders.Fill(wording.FileMissing, ("file", name), ("folder", directory)));
            return null;
        }

        try
        {
            var stream = new YamlStream();
            using var reader = new StreamReader(path);
            stream.Load(reader);
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                file.Problem(1, wording.NotMapping);
                return null;
            }

            return root;
        }
        catch (YamlException e)
        {
            file.Problem(e.Start.Line, Placeholders.Fill(wording.Syntax, ("detail", e.Message)));
            return null;
        }
    }

    public void Problem(YamlNode at, string message) => Problem(at.Start.Line, message);

    public static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public string? Text(YamlMappingNode map, string key, bool required = false)
    {
        var node = Get(map, key);
        if (node is null)
        {
            if (required)
            {
                Problem(map, Word(_wording.Required, key));
            }

            return null;
        }

        if (node is YamlScalarNode { Value: { } value } && (value.Length > 0 || !required))
        {
            return value;
        }

        Problem(node, Word(_wording.NotText, key));
        return null;
    }

    public int? Number(YamlMappingNode map, string key)
    {
        var text = Text(map, key);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, out var value) && value >= 0)
        {
            return value;
        }

        Problem(Get(map, key)!, Word(_wording.NotNumber, key));
        return null;
    }

    public bool Flag(YamlMappingNode map, string key)
    {
        var text = Text(map, key);
        if (text is null)
        {
            return false;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        Problem(Get(map, key)!, Word(_wording.NotFlag, key));
        return false;
    }

    public IReadOnlyList<string> Strings(YamlMappingNode map, string key) => Get(map, key) switch
    {
        null => [],
        YamlSequenceNode list => list.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToArray(),
        var other => Fail<string>(other, Word(_wording.NotList, key)),
    };

    public YamlMappingNode? Mapping(YamlMappingNode map, string key, bool required = false)
    {
        switch (Get(map, key))
        {
            case YamlMappingNode found:
                return found;
            case null:
                if (required)
                {
                    Problem(map, Word(_wording.Required, key));
                }

                return null;
            case var other:
                Problem(other, Word(_wording.NotMappingValue, key));
                return null;
        }
    }

    public IReadOnlyList<YamlMappingNode> Mappings(YamlMappingNode map, string key, bool required = false)
    {
        switch (Get(map, key))
        {
            case null when required:
                Problem(map, Word(_wording.Required, key));
                return [];
            case null:
                return [];
            case YamlSequenceNode list:
                foreach (var item in list.Children.Where(c => c is not YamlMappingNode))
                {
                    Problem(item, Word(_wording.NotMappingItem, key));
                }

                return list.Children.OfType<YamlMappingNode>().ToArray();
            case var other:
                return Fail<YamlMappingNode>(other, Word(_wording.NotList, key));
        }
    }

    /// <summary>Reports keys a mapping may not have, which are almost always typos.</summary>
    public void OnlyKeys(YamlMappingNode map, params string[] allowed)
    {
        foreach (var key in map.Children.Keys.OfType<YamlScalarNode>())
        {
            if (!allowed.Contains(key.Value))
            {
                Problem(key, Placeholders.Fill(_wording.UnknownKey, ("key", key.Value ?? ""), ("allowed", string.Join(", ", allowed))));
            }
        }
    }

    /// <summary>
    /// A mapping of fixed keys to non-empty texts (the bot's messages): an unknown key and a missing
    /// one are both reported, naming the file's <paramref name="what"/>.
    /// </summary>
    public Dictionary<string, string> FixedTexts(YamlMappingNode root, IReadOnlyCollection<string> keys, string what)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in root.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value!;
            if (!keys.Contains(key))
            {
                Problem(keyNode, $"unknown {what} key '{key}'");
            }
            else if (value is YamlScalarNode { Value: { Length: > 0 } text })
            {
                result[key] = text;
            }
            else
            {
                Problem(value, $"{what} '{key}' must be a non-empty text");
            }
        }

        foreach (var missing in keys.Where(k => !root.Children.ContainsKey(new YamlScalarNode(k))).Order(StringComparer.Ordinal))
        {
            Problem(root, $"{what} '{missing}' is missing");
        }

        return result;
    }

    private static string Word(string template, string key) => Placeholders.Fill(template, ("key", key));

    private void Problem(long line, string message) =>
        _problems.Add(Placeholders.Fill(_wording.At, ("file", Name), ("line", line.ToString(CultureInfo.InvariantCulture)), ("problem", message)));

    private IReadOnlyList<T> Fail<T>(YamlNode node, string message)
    {
        Problem(node, message);
        return [];
    }
}
