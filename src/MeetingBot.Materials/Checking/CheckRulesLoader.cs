using MeetingBot.Dialogs.Loading;
using YamlDotNet.RepresentationModel;

namespace MeetingBot.Materials.Checking;

/// <summary>
/// Loads dialogs/checks.yaml into <see cref="CheckRules"/>, checking every entry: unknown keys and
/// categories, broken patterns, duplicates, a wrong form equal to its correction, unknown
/// placeholders. Any problem stops the load with a <see cref="ContentLoadException"/> naming the
/// file and line of each, like the question bank's loader.
/// </summary>
public static partial class CheckRulesLoader
{
    public const string FileName = "checks.yaml";

    private static readonly string[] Scopes = ["any", "body", "title", "opening", "problems", "causes", "measures"];

    public static CheckRules Load(string dialogsDirectory)
    {
        var problems = new List<string>();
        var root = RulesYaml.Open(dialogsDirectory, FileName, problems);
        if (root is null)
        {
            throw new ContentLoadException(problems);
        }

        var yaml = new RulesYaml(FileName, problems);
        yaml.AllowKeys(root, "sections", "year", "patterns", "words", "expressions", "phrases", "punctuation", "plenums", "privacy", "structure");
        var rules = new CheckRules(
            ReadSections(yaml, yaml.Mapping(root, "sections")),
            ReadYear(yaml, yaml.Mapping(root, "year")),
            ReadPatterns(yaml, root),
            ReadLexicon(yaml, root),
            ReadPunctuation(yaml, yaml.Mapping(root, "punctuation")),
            ReadPlenums(yaml, yaml.Mapping(root, "plenums")),
            ReadPrivacy(yaml, yaml.Mapping(root, "privacy")),
            ReadStructure(yaml, yaml.Mapping(root, "structure")));
        return problems.Count > 0 ? throw new ContentLoadException(problems) : rules;
    }

    private static SectionWords ReadSections(RulesYaml yaml, YamlMappingNode map)
    {
        yaml.AllowKeys(map, "causes", "measures", "problems");
        IReadOnlyList<string> Words(string key) => yaml.Scalars(map, key).Select(s => s.Value!).ToArray();
        return new SectionWords(Words("causes"), Words("measures"), Words("problems"));
    }

    private static YearRules ReadYear(RulesYaml yaml, YamlMappingNode map)
    {
        yaml.AllowKeys(map, "annual", "annual_ends", "dated", "mentioned");
        var annual = yaml.Pattern(map, "annual");
        var dated = yaml.Pattern(map, "dated");
        var mentioned = yaml.Pattern(map, "mentioned");
        foreach (var (key, regex, groups) in new[] { ("annual", annual, 1), ("dated", dated, 2), ("mentioned", mentioned, 1) })
        {
            if (regex.GetGroupNumbers().Length <= groups)
            {
                yaml.Report(RulesYaml.Find(map, key) ?? map, $"'{key}' needs {groups} group(s) in parentheses: the year{(groups > 1 ? " and the month" : "")}");
            }
        }

        return new YearRules(annual, yaml.Number(map, "annual_ends", 1, 12), dated, mentioned);
    }

    private static List<PatternRule> ReadPatterns(RulesYaml yaml, YamlMappingNode root)
    {
        var rules = new List<PatternRule>();
        var ids = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var map in yaml.Mappings(root, "patterns"))
        {
            yaml.AllowKeys(map, "id", "category", "regex", "where", "residue", "suggestion", "note");
            var id = yaml.Text(map, "id");
            if (id.Length > 0 && !ids.TryAdd(id, map))
            {
                yaml.Report(map, $"pattern id '{id}' is used twice (first at line {ids[id].Start.Line})");
            }

            var where = yaml.OptionalText(map, "where") ?? "any";
            if (!Scopes.Contains(where))
            {
                yaml.Report(RulesYaml.Find(map, "where")!, $"unknown where '{where}' (allowed: {string.Join(", ", Scopes)})");
            }

            rules.Add(new PatternRule(
                id,
                Category(yaml, map),
                yaml.Pattern(map, "regex"),
                Enum.TryParse<Scope>(where, ignoreCase: true, out var scope) ? scope : Scope.Any,
                yaml.Flag(map, "residue"),
                new Advice(yaml.Template(map, "suggestion", "match"), yaml.Template(map, "note"))));
        }

        return rules;
    }

    private static FindingCategory Category(RulesYaml yaml, YamlMappingNode map)
    {
        var name = yaml.Text(map, "category");
        if (FindingCategories.TryParse(name, out var category) || name.Length == 0)
        {
            return category;
        }

        yaml.Report(RulesYaml.Find(map, "category")!, $"unknown category '{name}' (allowed: {string.Join(", ", FindingCategories.All)})");
        return category;
    }

    private static PairRules ReadPunctuation(RulesYaml yaml, YamlMappingNode map)
    {
        yaml.AllowKeys(map, "pairs", "nested", "unbalanced", "nested_same");
        var pairs = yaml.Scalars(map, "pairs").Where(p => TwoCharacters(yaml, p)).Select(p => p.Value!).ToList();
        var nested = yaml.Scalars(map, "nested").Where(p => TwoCharacters(yaml, p)).ToList();
        foreach (var unknown in nested.Where(n => !pairs.Contains(n.Value!)))
        {
            yaml.Report(unknown, $"'{unknown.Value}' in 'nested' is not one of the pairs");
        }

        return new PairRules(
            pairs.Select(p => (p[0], p[1], nested.Any(n => n.Value == p))).ToArray(),
            yaml.Advice(yaml.Mapping(map, "unbalanced")),
            yaml.Advice(yaml.Mapping(map, "nested_same")));
    }

    private static bool TwoCharacters(RulesYaml yaml, YamlScalarNode pair)
    {
        if (pair.Value is { Length: 2 } text && text[0] != text[1])
        {
            return true;
        }

        yaml.Report(pair, $"'{pair.Value}' must be an opening and a different closing character");
        return false;
    }
}
