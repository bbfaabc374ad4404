using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MeetingBot.Dialogs.Loading;

/// <summary>
/// Reads one YAML file through YamlDotNet's node model so that every problem can be reported with
/// its line. Problems are collected rather than thrown, so one start-up shows all of them.
/// </summary>
internal sealed class YamlFile
{
    private readonly List<string> _problems;

    private YamlFile(string name, List<string> problems)
    {
        Name = name;
        _problems = problems;
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

    public static YamlMappingNode? Open(string directory, string name, List<string> problems, out YamlFile file)
    {
        file = new YamlFile(name, problems);
        var path = Path.Combine(directory, name);
        if (!File.Exists(path))
        {
            problems.Add($"{name}: the file is missing from {directory}");
            return null;
        }

        try
        {
            var stream = new YamlStream();
            using var reader = new StreamReader(path);
            stream.Load(reader);
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                problems.Add($"{name}:1: the file must hold a mapping (key: value)");
                return null;
            }

            return root;
        }
        catch (YamlException e)
        {
            problems.Add($"{name}:{e.Start.Line}: {e.Message}");
            return null;
        }
    }

    public void Problem(YamlNode at, string message) => _problems.Add($"{Name}:{at.Start.Line}: {message}");

    public static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public string? String(YamlMappingNode map, string key, bool required = false)
    {
        var node = Get(map, key);
        if (node is null)
        {
            if (required)
            {
                Problem(map, $"'{key}' is required");
            }

            return null;
        }

        if (node is YamlScalarNode { Value: { } value } && (value.Length > 0 || !required))
        {
            return value;
        }

        Problem(node, $"'{key}' must be a non-empty text");
        return null;
    }

    public int? Int(YamlMappingNode map, string key)
    {
        var text = String(map, key);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, out var value) && value >= 0)
        {
            return value;
        }

        Problem(Get(map, key)!, $"'{key}' must be a whole number ≥ 0");
        return null;
    }

    public bool Bool(YamlMappingNode map, string key)
    {
        var text = String(map, key);
        if (text is null)
        {
            return false;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        Problem(Get(map, key)!, $"'{key}' must be true or false");
        return false;
    }

    public IReadOnlyList<string> Strings(YamlMappingNode map, string key) => Get(map, key) switch
    {
        null => [],
        YamlSequenceNode list => list.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToArray(),
        var other => Fail<string>(other, $"'{key}' must be a list"),
    };

    public IReadOnlyList<YamlMappingNode> Mappings(YamlMappingNode map, string key, bool required = false)
    {
        switch (Get(map, key))
        {
            case null when required:
                Problem(map, $"'{key}' is required");
                return [];
            case null:
                return [];
            case YamlSequenceNode list:
                foreach (var item in list.Children.Where(c => c is not YamlMappingNode))
                {
                    Problem(item, $"each item of '{key}' must be a mapping");
                }

                return list.Children.OfType<YamlMappingNode>().ToArray();
            case var other:
                return Fail<YamlMappingNode>(other, $"'{key}' must be a list");
        }
    }

    /// <summary>Reports keys a mapping may not have, which are almost always typos.</summary>
    public void OnlyKeys(YamlMappingNode map, params string[] allowed)
    {
        foreach (var key in map.Children.Keys.OfType<YamlScalarNode>())
        {
            if (!allowed.Contains(key.Value))
            {
                Problem(key, $"unknown key '{key.Value}' (allowed: {string.Join(", ", allowed)})");
            }
        }
    }

    private IReadOnlyList<T> Fail<T>(YamlNode node, string message)
    {
        Problem(node, message);
        return [];
    }
}
