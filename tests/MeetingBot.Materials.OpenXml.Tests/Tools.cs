using System.Diagnostics;

namespace MeetingBot.Materials.OpenXml.Tests;

/// <summary>
/// The command-line programs the rendering tests run: LibreOffice and poppler-utils, from the
/// Debian packages tests/run.sh installs. A missing one fails the test with that advice.
/// </summary>
internal static class Tools
{
    public static async Task<string> RunAsync(string program, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(Find(program))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish within {timeout.TotalSeconds} s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} exited with {process.ExitCode}: {await error}");
        }

        return await output;
    }

    private static string Find(string program)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
        var package = program == "soffice" ? "libreoffice-writer-nogui" : "poppler-utils";
        return found ?? throw new InvalidOperationException(
            $"{program} is not installed. Run bash tests/run.sh, which installs the Debian package {package} (and a CJK font) when missing.");
    }
}
