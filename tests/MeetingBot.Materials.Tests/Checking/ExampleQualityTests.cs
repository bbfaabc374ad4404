using System.Text.Json;
using MeetingBot.Materials.Checking;
using MeetingBot.TestKit;
using Xunit;
using Xunit.Abstractions;

namespace MeetingBot.Materials.Tests.Checking;

/// <summary>
/// The quality target, measured: on each example found in the wild (Examples/, unchanged), at least
/// nine in ten of the real defects listed by hand in its .expected.jsonl are found, with at most
/// one false alarm per 1,000 characters; the golden drafts of the bot raise nothing but their gaps
/// and the markup their answers hold.
/// </summary>
public sealed class ExampleQualityTests(ITestOutputHelper output)
{
    private static readonly string Examples = Path.Combine(Shipped.TestData, "Examples");
    private static readonly string GoldenDrafts = Path.Combine(RepositoryPaths.Root, "tests", "MeetingBot.Conversations.Tests", "Golden");

    public static TheoryData<string> ExampleNames => new(Directory.GetFiles(Examples, "*.txt").Select(Path.GetFileNameWithoutExtension).Order()!);

    [Theory]
    [MemberData(nameof(ExampleNames))]
    public void Nine_in_ten_real_defects_are_found_with_at_most_one_false_alarm_per_thousand_characters(string name)
    {
        var text = File.ReadAllText(Path.Combine(Examples, name + ".txt"));
        var expected = Expected(Path.Combine(Examples, name + ".expected.jsonl"), text);
        var findings = Shipped.Check(text).ToList();

        var missed = new List<Expectation>();
        foreach (var defect in expected)
        {
            var match = findings.FirstOrDefault(f => f.Line == defect.Line && f.Category == defect.Category
                && f.Column < defect.Column + defect.Length && defect.Column < f.Column + f.Length);
            if (match is null)
            {
                missed.Add(defect);
            }
            else
            {
                findings.Remove(match);
            }
        }

        var characters = text.EnumerateRunes().Count();
        var recall = (expected.Count - missed.Count) / (double)expected.Count;
        output.WriteLine($"{name}: {characters} characters, {expected.Count} defects, recall {recall:P1}, {findings.Count} false alarms");
        missed.ForEach(m => output.WriteLine($"  missed {m}"));
        findings.ForEach(f => output.WriteLine($"  false alarm {f.Line}:{f.Column} {FindingCategories.Name(f.Category)} {f.Text}"));
        Assert.True(recall >= 0.9, $"recall {recall:P1} is below 90 %");
        Assert.True(findings.Count * 1000 <= characters, $"{findings.Count} false alarms in {characters} characters");
    }

    [Fact]
    public void A_clean_material_written_for_these_tests_raises_nothing()
    {
        Assert.Empty(Shipped.Check(File.ReadAllText(Path.Combine(Shipped.TestData, "Golden", "clean.txt"))));
    }

    [Fact]
    public void The_full_golden_draft_raises_nothing()
    {
        Assert.Empty(Shipped.Check(File.ReadAllText(Path.Combine(GoldenDrafts, "full.draft.txt"))));
    }

    [Fact]
    public void The_minimal_golden_draft_raises_only_its_gap_markers()
    {
        var findings = Shipped.Check(File.ReadAllText(Path.Combine(GoldenDrafts, "minimal.draft.txt")));

        Assert.Equal(
            [(3, "「待补充：会前学习内容」"), (3, "「待补充：征求意见建议条数」"), (3, "「待补充：谈心谈话人次」"), (8, "「待补充：在本人工作中的表现」"), (8, "「待补充：具体事例」"), (13, "「待补充：原因在本人身上的体现」")],
            findings.Select(f => (f.Line, f.Text)));
        Assert.All(findings, f => Assert.Equal(FindingCategory.Placeholder, f.Category));
    }

    [Fact]
    public void The_markup_golden_draft_raises_only_the_markup_and_gaps_its_answers_hold()
    {
        var findings = Shipped.Check(File.ReadAllText(Path.Combine(GoldenDrafts, "markup.draft.txt")));

        Assert.Equal(
            ["**张三**", "{{ name }}", "{% raw %}", "_学习_", "{{ \"{{\" }}", "[财务](http://example.com)", "`code`", "{{~ for x in 1..3 ~}}", "{{ end }}",
             "{{ offer }}", "<i>", "</i>", "{{ unit }}", "**强调**", "<script>", "</script>", "{{ cause }}", "{{ \"x\" * 1000 }}", "<b>", "</b>", "{{ 1 + 1 }}",
             "**张三**", "{{ name }}"],
            findings.Where(f => f.Category == FindingCategory.Markup).Select(f => f.Text));
        Assert.Equal(["「待补充：征求意见建议条数」", "「待补充：谈心谈话人次」"], findings.Where(f => f.Category != FindingCategory.Markup).Select(f => f.Text));
        Assert.All(findings.Where(f => f.Category != FindingCategory.Markup), f => Assert.Equal(FindingCategory.Placeholder, f.Category));
    }

    private sealed record Expectation(int Line, int Column, int Length, FindingCategory Category, string Text)
    {
        public override string ToString() => $"{Line}:{Column} {FindingCategories.Name(Category)} {Text}";
    }

    // Each line: {"line":…,"column":…,"text":…,"category":…}; the text must stand there, so the
    // list cannot silently drift from the example it describes.
    private static List<Expectation> Expected(string path, string text)
    {
        var lines = text.Split('\n');
        var result = new List<Expectation>();
        foreach (var json in File.ReadLines(path).Where(l => l.Length > 0))
        {
            using var row = JsonDocument.Parse(json);
            var (line, column) = (row.RootElement.GetProperty("line").GetInt32(), row.RootElement.GetProperty("column").GetInt32());
            var defect = row.RootElement.GetProperty("text").GetString()!;
            Assert.True(FindingCategories.TryParse(row.RootElement.GetProperty("category").GetString()!, out var category), json);
            var runes = lines[line - 1].EnumerateRunes().Skip(column - 1).Take(defect.EnumerateRunes().Count());
            Assert.Equal(defect, string.Concat(runes.Select(r => r.ToString())));
            result.Add(new Expectation(line, column, defect.EnumerateRunes().Count(), category, defect));
        }

        return result;
    }
}
