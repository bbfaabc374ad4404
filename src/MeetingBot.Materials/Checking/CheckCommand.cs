using System.Globalization;
using System.Text;
using MeetingBot.Dialogs.Loading;

namespace MeetingBot.Materials.Checking;

/// <summary>
/// <c>check FILE [--year=YYYY]</c>: the findings of one material as JSON lines on standard output.
/// Exit codes: 0 checked (with or without findings), 1 the rules in dialogs/ are broken, 2 the
/// file cannot be read or the arguments are wrong. It lives beside the checker, not in the host,
/// because it needs nothing of the host: no configuration, no services, only the rules file.
/// </summary>
public static class CheckCommand
{
    public const int Checked = 0;
    public const int BrokenRules = 1;
    public const int CannotRead = 2;

    /// <summary>Runs on the process's own streams, in UTF-8 whatever the console's code page.</summary>
    public static int RunOnConsole(IReadOnlyList<string> args)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var output = new StreamWriter(Console.OpenStandardOutput(), utf8);
        using var error = new StreamWriter(Console.OpenStandardError(), utf8);
        return Run(args, output, error, Path.Combine(AppContext.BaseDirectory, "dialogs"));
    }

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error, string dialogsDirectory)
    {
        if (Parse(args) is not var (path, year))
        {
            error.WriteLine("usage: check FILE [--year=YYYY]");
            return CannotRead;
        }

        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error.WriteLine($"check: cannot read {path}: {e.Message.ReplaceLineEndings(" ")}");
            return CannotRead;
        }

        MaterialChecker checker;
        try
        {
            checker = MaterialChecker.Load(dialogsDirectory);
        }
        catch (ContentLoadException e)
        {
            error.WriteLine(e.Message);
            return BrokenRules;
        }

        foreach (var finding in checker.Check(text, new CheckOptions { Year = year }))
        {
            output.WriteLine(FindingJson.Line(finding));
        }

        return Checked;
    }

    private static (string Path, int? Year)? Parse(IReadOnlyList<string> args) => args switch
    {
        [var path] when !path.StartsWith("--", StringComparison.Ordinal) => (path, null),
        [var path, var option] when option.StartsWith("--year=", StringComparison.Ordinal)
            && int.TryParse(option["--year=".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var year) => (path, year),
        _ => null,
    };
}
