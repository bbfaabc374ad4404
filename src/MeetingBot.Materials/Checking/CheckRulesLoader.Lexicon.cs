using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace MeetingBot.Materials.Checking;

/// <summary>words, expressions and phrases: the lists that become the <see cref="Lexicon"/>.</summary>
public static partial class CheckRulesLoader
{
    // Below this length a phrase with a character left out or added is too often a word of its own,
    // so such variants count only between quotation marks (“四意识”), where set expressions stand.
    private const int FreeVariantLength = 6;
    private const int ShortestSetPhrase = 4;

    private static Lexicon ReadLexicon(RulesYaml yaml, YamlMappingNode root)
    {
        var forms = new Dictionary<string, (LexiconEntry Entry, YamlNode At)>(StringComparer.Ordinal);
        var words = yaml.Mapping(root, "words");
        var wordCount = ReadWords(yaml, words, forms);
        var expressions = yaml.Mapping(root, "expressions");
        var phrases = yaml.Mapping(root, "phrases");
        var correct = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var expressionEntries = ReadExpressionPhrases(yaml, expressions, correct);
        var phraseEntries = ReadPhrasePhrases(yaml, phrases, correct);
        var targets = new List<InsertionTarget>();
        var allow = RulesYaml.Find(expressions, "allow") is null ? [] : yaml.Scalars(expressions, "allow").Select(s => s.Value!).ToHashSet();
        AddExpressions(yaml, expressions, expressionEntries, forms, targets, correct.Keys, allow);
        AddPhrases(yaml, phrases, phraseEntries, forms, targets, correct.Keys);
        foreach (var (wrong, (_, at)) in forms.Where(f => !f.Value.Entry.Variant && correct.ContainsKey(f.Key)))
        {
            yaml.Report(at, $"'{wrong}' is listed as wrong here and as correct at line {correct[wrong].Start.Line}");
        }

        var insertable = yaml.Text(phrases, "insertable");
        return new Lexicon(forms.Values.Select(f => f.Entry), targets, insertable, (wordCount, expressionEntries.Count, phraseEntries.Count));
    }

    private static int ReadWords(RulesYaml yaml, YamlMappingNode map, Dictionary<string, (LexiconEntry, YamlNode)> forms)
    {
        yaml.AllowKeys(map, "suggestion", "entries");
        var suggestion = yaml.Template(map, "suggestion", "right");
        var entries = yaml.Mappings(map, "entries");
        foreach (var entry in entries)
        {
            yaml.AllowKeys(entry, "wrong", "right", "note", "within", "unless");
            var (wrong, right) = (yaml.Text(entry, "wrong"), yaml.Text(entry, "right"));
            if (wrong.Length > 0 && wrong == right)
            {
                yaml.Report(entry, $"'{wrong}' is its own correction");
            }

            Regex? Context(string key) => RulesYaml.Find(entry, key) is null ? null : yaml.Pattern(entry, key);
            var form = new LexiconEntry(wrong, FindingCategory.WrongWord, suggestion.Replace("{right}", right, StringComparison.Ordinal),
                yaml.Template(entry, "note"), Context("within"), Context("unless"));
            AddForm(yaml, forms, form, entry);
        }

        return entries.Count;
    }

    private static List<(string Phrase, YamlMappingNode At)> ReadExpressionPhrases(RulesYaml yaml, YamlMappingNode map, Dictionary<string, YamlNode> correct)
    {
        yaml.AllowKeys(map, "suggestion", "notes", "allow", "entries");
        var result = new List<(string, YamlMappingNode)>();
        foreach (var entry in yaml.Mappings(map, "entries"))
        {
            yaml.AllowKeys(entry, "phrase", "wrong", "note");
            var phrase = yaml.Text(entry, "phrase");
            if (AddCorrect(yaml, correct, phrase, entry))
            {
                result.Add((phrase, entry));
            }
        }

        return result;
    }

    private static List<(string Phrase, YamlScalarNode At)> ReadPhrasePhrases(RulesYaml yaml, YamlMappingNode map, Dictionary<string, YamlNode> correct)
    {
        yaml.AllowKeys(map, "suggestion", "notes", "insertable", "entries");
        return yaml.Scalars(map, "entries").Where(s => AddCorrect(yaml, correct, s.Value!, s)).Select(s => (s.Value!, s)).ToList();
    }

    private static bool AddCorrect(RulesYaml yaml, Dictionary<string, YamlNode> correct, string phrase, YamlNode at)
    {
        if (phrase.Count(Lexicon.IsIdeograph) < ShortestSetPhrase)
        {
            yaml.Report(at, $"'{phrase}' is too short for a set phrase (at least {ShortestSetPhrase} characters)");
            return false;
        }

        if (!correct.TryAdd(phrase, at))
        {
            yaml.Report(at, $"'{phrase}' is listed twice (first at line {correct[phrase].Start.Line})");
            return false;
        }

        return true;
    }

    private static void AddExpressions(RulesYaml yaml, YamlMappingNode map, List<(string Phrase, YamlMappingNode At)> entries,
        Dictionary<string, (LexiconEntry, YamlNode)> forms, List<InsertionTarget> targets, IEnumerable<string> correct, HashSet<string> allow)
    {
        var suggestion = yaml.Template(map, "suggestion", "right");
        var notes = yaml.Mapping(map, "notes");
        yaml.AllowKeys(notes, "wrong", "missing", "extra", "swapped");
        var (wrongNote, missingNote, extraNote, swappedNote) =
            (yaml.Template(notes, "wrong"), yaml.Template(notes, "missing"), yaml.Template(notes, "extra"), yaml.Template(notes, "swapped"));
        var explained = entries.Select(e => (e.Phrase, e.At, Advice: suggestion.Replace("{right}", e.Phrase, StringComparison.Ordinal), Note: yaml.Template(e.At, "note"))).ToList();

        // Forms written out first, so that a generated variant never claims a form listed by hand.
        foreach (var (phrase, at, advice, note) in explained)
        {
            foreach (var wrong in RulesYaml.Find(at, "wrong") is null ? [] : yaml.Scalars(at, "wrong"))
            {
                if (wrong.Value == phrase)
                {
                    yaml.Report(wrong, $"'{phrase}' is its own correction");
                }

                AddForm(yaml, forms, new LexiconEntry(wrong.Value!, FindingCategory.FixedExpression, advice, wrongNote + note), wrong);
            }
        }

        foreach (var (phrase, at, advice, note) in explained)
        {
            var quoted = phrase.Length < FreeVariantLength;
            foreach (var variant in Omissions(phrase).Where(v => Distinct(v, correct, allow, forms)))
            {
                forms[variant] = (new LexiconEntry(variant, FindingCategory.FixedExpression, advice, missingNote + note, QuotedOnly: quoted, Variant: true), at);
            }

            foreach (var variant in Swaps(phrase).Where(v => Distinct(v, correct, allow, forms)))
            {
                forms[variant] = (new LexiconEntry(variant, FindingCategory.FixedExpression, advice, swappedNote + note, Variant: true), at);
            }

            targets.Add(new InsertionTarget(phrase, FindingCategory.FixedExpression, advice, extraNote + note, quoted));
        }
    }

    private static void AddPhrases(RulesYaml yaml, YamlMappingNode map, List<(string Phrase, YamlScalarNode At)> entries,
        Dictionary<string, (LexiconEntry, YamlNode)> forms, List<InsertionTarget> targets, IEnumerable<string> correct)
    {
        var suggestion = yaml.Template(map, "suggestion", "right");
        var notes = yaml.Mapping(map, "notes");
        yaml.AllowKeys(notes, "missing", "extra");
        var (missingNote, extraNote) = (yaml.Template(notes, "missing"), yaml.Template(notes, "extra"));
        foreach (var (phrase, at) in entries)
        {
            var advice = suggestion.Replace("{right}", phrase, StringComparison.Ordinal);
            foreach (var variant in Omissions(phrase).Where(v => Distinct(v, correct, [], forms)))
            {
                forms[variant] = (new LexiconEntry(variant, FindingCategory.MissingChar, advice, missingNote, QuotedOnly: phrase.Length < FreeVariantLength, Variant: true), at);
            }

            targets.Add(new InsertionTarget(phrase, FindingCategory.ExtraChar, advice, extraNote, QuotedOnly: false));
        }
    }

    private static void AddForm(RulesYaml yaml, Dictionary<string, (LexiconEntry Entry, YamlNode At)> forms, LexiconEntry form, YamlNode at)
    {
        if (form.Form.Length > 0 && !forms.TryAdd(form.Form, (form, at)))
        {
            yaml.Report(at, $"'{form.Form}' is listed twice (first at line {forms[form.Form].At.Start.Line})");
        }
    }

    // A variant is worth looking for only if it is no correct phrase, no part of one, not allowed
    // and not already listed by hand (an entry written out wins over a generated one).
    private static bool Distinct(string variant, IEnumerable<string> correct, HashSet<string> allow, Dictionary<string, (LexiconEntry, YamlNode)> forms) =>
        !allow.Contains(variant) && !forms.ContainsKey(variant) && !correct.Any(c => c.Contains(variant, StringComparison.Ordinal));

    // One inner ideograph left out: the first and the last stay, punctuation is never touched.
    private static IEnumerable<string> Omissions(string phrase) =>
        Enumerable.Range(1, Math.Max(0, phrase.Length - 2)).Where(k => Lexicon.IsIdeograph(phrase[k])).Select(k => phrase.Remove(k, 1)).Distinct();

    // Two neighbouring ideographs in the wrong order.
    private static IEnumerable<string> Swaps(string phrase) =>
        Enumerable.Range(0, Math.Max(0, phrase.Length - 1))
            .Where(k => Lexicon.IsIdeograph(phrase[k]) && Lexicon.IsIdeograph(phrase[k + 1]) && phrase[k] != phrase[k + 1])
            .Select(k => string.Concat(phrase.AsSpan(0, k), phrase.AsSpan(k + 1, 1), phrase.AsSpan(k, 1), phrase.AsSpan(k + 2)))
            .Distinct();
}
