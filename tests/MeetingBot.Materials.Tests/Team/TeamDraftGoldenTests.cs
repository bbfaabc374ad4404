using MeetingBot.Materials.Team;
using MeetingBot.TestKit;
using Xunit;

namespace MeetingBot.Materials.Tests.Team;

/// <summary>
/// The team's material and its appendix for <see cref="TeamExample"/> must equal the files in
/// Golden/. Set UPDATE_GOLDEN=1 to rewrite them after an intended change, and review the diff.
/// </summary>
public sealed class TeamDraftGoldenTests
{
    [Fact]
    public void The_team_draft_and_its_appendix_match_their_golden_files()
    {
        var rendered = new TeamDraftRenderer(new TeamDraftComposer(), TeamExample.Templates).Render(TeamExample.Meeting, TeamExample.Members);

        AssertGolden("inspection.team.txt", rendered.Text);
        AssertGolden("inspection.appendix.txt", rendered.Appendix);
    }

    private static void AssertGolden(string name, string actual)
    {
        var path = Path.Combine(RepositoryPaths.Root, "tests", "MeetingBot.Materials.Tests", "Team", "Golden", name);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.Equal(File.ReadAllText(path), actual);
    }
}
