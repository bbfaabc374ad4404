using MeetingBot.Dialogs.Loading;
using MeetingBot.Materials.Checking;
using MeetingBot.TestKit;
using Xunit;

namespace MeetingBot.Materials.Tests.Checking;

/// <summary>The shipped rules load; a broken copy names the file, the line and what is wrong.</summary>
public sealed class CheckRulesLoaderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public CheckRulesLoaderTests() =>
        File.Copy(Path.Combine(RepositoryPaths.Dialogs, CheckRulesLoader.FileName), _folder.File(CheckRulesLoader.FileName));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_shipped_rules_load_with_lists_of_the_size_the_task_needs()
    {
        var counts = CheckRulesLoader.Load(RepositoryPaths.Dialogs).Counts;

        Assert.InRange(counts["words"], 300, 1000);
        Assert.InRange(counts["expressions"], 25, 200);
        Assert.InRange(counts["phrases"], 150, 1000);
        Assert.InRange(counts["patterns"], 25, 100);
        Assert.InRange(counts["plenums"], 21, 100);
    }

    [Fact]
    public void A_word_listed_twice_is_reported_at_its_second_line()
    {
        var first = LineOf("wrong: 雪中送碳");
        Insert(first, Lines()[first - 1]);

        Assert.Contains(Problems(), p => p == $"checks.yaml:{first + 1}: '雪中送碳' is listed twice (first at line {first})");
    }

    // Each row breaks one line of a copy of the shipped file; the message must name that line.
    [Theory]
    [InlineData("{ wrong: 雪中送碳, right: 雪中送炭,", "{ wrong: 雪中送碳, right: 雪中送碳,", "'雪中送碳' is its own correction")]
    [InlineData("regex: '`[^`\\n]+`'", "regex: '(unclosed'", "'(unclosed' is not a valid regular expression")]
    [InlineData("category: markup", "category: markdown", "unknown category 'markdown' (allowed: extra-char, fixed-expression, markup,")]
    [InlineData("    residue: true", "    residu: true", "unknown key 'residu'")]
    [InlineData("  suggestion: 改为“{right}”", "  suggestion: 改为“{rihgt}”", "unknown placeholder {rihgt} in 'suggestion' (known here: {right})")]
    [InlineData("二十届四中全会: 2025-10", "二十届四中会: 2025-10", "'二十届四中会' is not a meeting name that 'mention' finds")]
    [InlineData("二十届四中全会: 2025-10", "二十届四中全会: 2025-13", "'2025-13' must be a month written YYYY-MM")]
    [InlineData("{ wrong: 雪中送碳, right: 雪中送炭,", "{ wrong: 锲而不舍, right: 雪中送炭,", "'锲而不舍' is listed as wrong here and as correct at line ")]
    [InlineData("    - { phrase: 两个确立,", "    - { phrase: 两确立,", "'两确立' is too short for a set phrase")]
    [InlineData("  annual_ends: 3", "  annual_ends: 3: 4", "")]
    public void A_broken_line_is_reported_with_the_file_and_its_number(string text, string replacement, string message)
    {
        var line = Replace(text, replacement);

        Assert.Contains(Problems(), p => p.StartsWith($"checks.yaml:{line}: {message}", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_of_the_file_is_listed_at_once()
    {
        Replace("category: markup", "category: markdown");
        Replace("    residue: true", "    residu: true");

        Assert.True(Problems().Count >= 2);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        File.Delete(_folder.File(CheckRulesLoader.FileName));

        Assert.Equal([$"checks.yaml: the file is missing from {_folder.Path}"], Problems());
    }

    private IReadOnlyList<string> Problems() =>
        Assert.Throws<ContentLoadException>(() => CheckRulesLoader.Load(_folder.Path)).Problems;

    private string[] Lines() => File.ReadAllLines(_folder.File(CheckRulesLoader.FileName));

    private int LineOf(string text) => Array.FindIndex(Lines(), l => l.Contains(text, StringComparison.Ordinal)) + 1;

    // Replaces the first line holding the text and returns its (1-based) number.
    private int Replace(string text, string replacement)
    {
        var lines = Lines();
        var index = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        Assert.True(index >= 0, $"'{text}' is not in the rules file");
        lines[index] = lines[index].Replace(text, replacement, StringComparison.Ordinal);
        File.WriteAllLines(_folder.File(CheckRulesLoader.FileName), lines);
        return index + 1;
    }

    private void Insert(int after, string line)
    {
        var lines = Lines().ToList();
        lines.Insert(after, line);
        File.WriteAllLines(_folder.File(CheckRulesLoader.FileName), lines);
    }
}
