using System.Collections.Frozen;
using YamlDotNet.RepresentationModel;

namespace MeetingBot.Materials.Checking;

/// <summary>plenums, privacy and structure: the rules that need facts or words beyond one line.</summary>
public static partial class CheckRulesLoader
{
    private static PlenumRules ReadPlenums(RulesYaml yaml, YamlMappingNode map)
    {
        yaml.AllowKeys(map, "mention", "held", "known_until", "stale_from", "stale_context", "future", "unknown", "stale");
        var mention = yaml.Pattern(map, "mention");
        if (!mention.GetGroupNames().Contains("congress"))
        {
            yaml.Report(RulesYaml.Find(map, "mention") ?? map, "'mention' needs a group named congress: (?<congress>…)");
        }

        var held = new Dictionary<string, HeldMeeting>(StringComparer.Ordinal);
        foreach (var (key, value) in yaml.Mapping(map, "held").Children)
        {
            var name = ((YamlScalarNode)key).Value ?? "";
            var match = mention.Match(name);
            var congress = ChineseNumber(match.Groups["congress"].Value);
            if (!match.Success || match.Length != name.Length || congress is null)
            {
                yaml.Report(key, $"'{name}' is not a meeting name that 'mention' finds");
                continue;
            }

            var month = yaml.Month(value, (value as YamlScalarNode)?.Value ?? "");
            held[name] = new HeldMeeting(name, month, congress.Value, name == match.Groups["congress"].Value + "大");
        }

        var knownUntil = yaml.Month(RulesYaml.Find(map, "known_until") ?? map, yaml.Text(map, "known_until"));
        return new PlenumRules(
            mention,
            held.ToFrozenDictionary(StringComparer.Ordinal),
            knownUntil,
            yaml.Number(map, "stale_from", 1921, 2999),
            yaml.Pattern(map, "stale_context"),
            yaml.Advice(yaml.Mapping(map, "future"), "name", "held", "year"),
            yaml.Advice(yaml.Mapping(map, "unknown"), "name", "known"),
            yaml.Advice(yaml.Mapping(map, "stale"), "name", "latest", "year"));
    }

    // 十八 → 18, 二十一 → 21: the congresses' numbers, to tell which one is the latest.
    internal static int? ChineseNumber(string text)
    {
        const string Digits = "一二三四五六七八九";
        var ten = text.IndexOf('十', StringComparison.Ordinal);
        int Digit(string d) => d.Length == 1 ? Digits.IndexOf(d[0], StringComparison.Ordinal) + 1 : d.Length == 0 ? 0 : -1;
        var (tens, units) = ten < 0 ? (0, Digit(text)) : (ten == 0 ? 1 : Digit(text[..ten]), Digit(text[(ten + 1)..]));
        return text.Length == 0 || tens < 0 || units < 0 || tens + units == 0 ? null : tens * 10 + units;
    }

    private static PrivacyRules ReadPrivacy(RulesYaml yaml, YamlMappingNode map)
    {
        yaml.AllowKeys(map, "surnames", "compound_surnames", "after", "before", "units", "ends", "not_in_names", "not_names", "public", "suggestion", "note");
        IReadOnlyList<string> List(string key) => yaml.Scalars(map, key).Select(s => s.Value!).ToArray();
        var surnames = yaml.Text(map, "surnames");
        if (surnames.Any(c => !Lexicon.IsIdeograph(c)) || surnames.Distinct().Count() != surnames.Length)
        {
            yaml.Report(RulesYaml.Find(map, "surnames") ?? map, "'surnames' must be Chinese characters, each once");
        }

        return new PrivacyRules(
            surnames.ToFrozenSet(),
            List("compound_surnames"),
            List("after"),
            List("before"),
            List("units"),
            List("ends"),
            yaml.Text(map, "not_in_names").ToFrozenSet(),
            List("not_names").ToFrozenSet(StringComparer.Ordinal),
            List("public").ToFrozenSet(StringComparer.Ordinal),
            new Advice(yaml.Template(map, "suggestion"), yaml.Template(map, "note")));
    }

    private static StructureRules ReadStructure(RulesYaml yaml, YamlMappingNode map)
    {
        yaml.AllowKeys(map, "specificity", "numbering", "line_break", "causes");
        var specificity = yaml.Mapping(map, "specificity");
        yaml.AllowKeys(specificity, "mask", "concrete", "checkable", "problem", "measure");
        var causes = yaml.Mapping(map, "causes");
        yaml.AllowKeys(causes, "topics", "suggestion", "note");
        var topics = yaml.Mappings(causes, "topics").Select(t =>
        {
            yaml.AllowKeys(t, "cause", "problems");
            return new CauseTopic(yaml.Pattern(t, "cause"), yaml.Pattern(t, "problems"));
        }).ToArray();
        return new StructureRules(
            yaml.Patterns(specificity, "mask"),
            yaml.Patterns(specificity, "concrete"),
            yaml.Patterns(specificity, "checkable"),
            yaml.Advice(yaml.Mapping(specificity, "problem")),
            yaml.Advice(yaml.Mapping(specificity, "measure")),
            yaml.Advice(yaml.Mapping(map, "numbering")),
            yaml.Advice(yaml.Mapping(map, "line_break")),
            topics,
            new Advice(yaml.Template(causes, "suggestion"), yaml.Template(causes, "note")));
    }
}
