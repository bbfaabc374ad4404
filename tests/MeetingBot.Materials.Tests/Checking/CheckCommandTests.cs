using MeetingBot.Materials.Checking;
using MeetingBot.TestKit;
using Xunit;

namespace MeetingBot.Materials.Tests.Checking;

/// <summary><c>check FILE</c>: JSON lines on a file it can read, exit 2 and one line on stderr when it cannot.</summary>
public sealed class CheckCommandTests : IDisposable
{
    private static readonly string Golden = Path.Combine(Shipped.TestData, "Golden");
    private readonly TempFolder _folder = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose()
    {
        _folder.Dispose();
        _output.Dispose();
        _error.Dispose();
    }

    [Fact]
    public void A_readable_file_gives_its_findings_as_json_lines_exactly_as_the_golden_file()
    {
        var code = Run(Path.Combine(Golden, "small.txt"));

        Assert.Equal(CheckCommand.Checked, code);
        Assert.Equal(File.ReadAllText(Path.Combine(Golden, "small.findings.jsonl")), _output.ToString().ReplaceLineEndings("\n"));
        Assert.Empty(_error.ToString());
    }

    [Fact]
    public void A_clean_file_gives_no_line_and_still_exits_zero()
    {
        File.WriteAllText(_folder.File("clean.txt"), "以上对照检查，如有不妥之处，恳请同志们批评指正。\n");

        Assert.Equal(CheckCommand.Checked, Run(_folder.File("clean.txt")));
        Assert.Empty(_output.ToString());
    }

    [Fact]
    public void A_missing_file_exits_two_with_one_line_on_stderr()
    {
        var code = Run(_folder.File("none.txt"));

        Assert.Equal(CheckCommand.CannotRead, code);
        Assert.Empty(_output.ToString());
        var message = Assert.Single(_error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"check: cannot read {_folder.File("none.txt")}:", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_instead_of_a_file_exits_two()
    {
        Assert.Equal(CheckCommand.CannotRead, Run(_folder.Path));
    }

    [Fact]
    public void Wrong_arguments_exit_two_with_the_usage()
    {
        Assert.Equal(CheckCommand.CannotRead, CheckCommand.Run([], _output, _error, RepositoryPaths.Dialogs));
        Assert.Equal(CheckCommand.CannotRead, CheckCommand.Run(["a.txt", "--year=later"], _output, _error, RepositoryPaths.Dialogs));
        Assert.Equal("usage: check FILE [--year=YYYY]\nusage: check FILE [--year=YYYY]\n", _error.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Broken_rules_exit_one_and_say_why()
    {
        File.WriteAllText(_folder.File("m.txt"), "材料\n");

        Assert.Equal(CheckCommand.BrokenRules, CheckCommand.Run([_folder.File("m.txt")], _output, _error, _folder.Path));
        Assert.Contains("checks.yaml: the file is missing", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_year_option_dates_a_material_that_does_not_date_itself()
    {
        File.WriteAllText(_folder.File("m.txt"), "某局副局长对照检查材料\n会前，本人学习了党的二十届三中全会精神。\n");

        Run(_folder.File("m.txt"));
        Assert.Empty(_output.ToString());
        Assert.Equal(CheckCommand.Checked, CheckCommand.Run([_folder.File("m.txt"), "--year=2023"], _output, _error, RepositoryPaths.Dialogs));
        Assert.Contains("\"category\":\"year\",\"text\":\"二十届三中全会\"", _output.ToString(), StringComparison.Ordinal);
    }

    private int Run(string path) => CheckCommand.Run([path], _output, _error, RepositoryPaths.Dialogs);
}
