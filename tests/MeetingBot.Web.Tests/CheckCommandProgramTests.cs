using MeetingBot.TestKit;
using Xunit;

namespace MeetingBot.Web.Tests;

/// <summary>
/// <c>check FILE</c> through the host's real Program: it runs before any host is built, so it
/// works in a folder without configuration, prints JSON lines and exits 0, or exits 2 with one
/// line on stderr when the file cannot be read.
/// </summary>
public sealed class CheckCommandProgramTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_host_prints_findings_for_a_file_and_exits_two_for_a_missing_one()
    {
        await File.WriteAllTextAsync(_folder.File("material.txt"), "XX局对照检查材料\n学习蜻蜒点水。\n");

        var checkedFile = await Host("check", _folder.File("material.txt"));
        var missing = await Host("check", _folder.File("missing.txt"));

        Assert.Equal(0, checkedFile.Code);
        Assert.Equal(
            ["{\"line\":1,\"column\":1,\"length\":3,\"category\":\"placeholder\",\"text\":\"XX局\",", "{\"line\":2,\"column\":3,\"length\":4,\"category\":\"wrong-word\",\"text\":\"蜻蜒点水\","],
            checkedFile.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l[..l.IndexOf("\"suggestion\"", StringComparison.Ordinal)]));
        Assert.Equal(2, missing.Code);
        Assert.Empty(missing.Output);
        Assert.Single(missing.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private Task<(int Code, string Output, string Error)> Host(params string[] args) => HostProcess.RunAsync(_folder.Path, args);
}
