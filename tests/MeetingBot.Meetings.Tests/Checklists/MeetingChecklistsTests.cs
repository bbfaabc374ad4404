using MeetingBot.Dialogs.Loading;
using MeetingBot.Meetings.Checklists;
using MeetingBot.TestKit;
using Xunit;

namespace MeetingBot.Meetings.Tests.Checklists;

/// <summary>dialogs/prompt-card.yaml gives every meeting kind its checklist; a broken copy is named with file and line.</summary>
public sealed class MeetingChecklistsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public MeetingChecklistsTests() =>
        File.Copy(Path.Combine(RepositoryPaths.Dialogs, MeetingChecklists.FileName), _folder.File(MeetingChecklists.FileName));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Every_kind_has_its_own_checklist_and_an_inspection_names_its_own_kind_of_inspection()
    {
        var checklists = MeetingChecklists.Load(RepositoryPaths.Dialogs);

        Assert.All(Enum.GetValues<MeetingKind>(), kind => Assert.NotEmpty(checklists.For(kind)));
        Assert.Contains("对照巡视反馈问题认领整改情况", checklists.For(MeetingKind.CentralInspection));
        Assert.Contains("对照巡察反馈问题认领整改情况", checklists.For(MeetingKind.LocalInspection));
        Assert.DoesNotContain(checklists.For(MeetingKind.Annual), item => item.Contains('巡', StringComparison.Ordinal));
    }

    [Fact]
    public void A_kind_left_out_an_unknown_one_and_an_item_listed_twice_are_reported_with_their_lines()
    {
        var twice = _folder.Replace(MeetingChecklists.FileName, "  annual:\n    - 个人有关事项报告情况", "  annual:\n    - 个人有关事项报告情况\n    - 个人有关事项报告情况");
        var unknown = _folder.Replace(MeetingChecklists.FileName, "  special:", "  party_school:");

        var error = Assert.Throws<ContentLoadException>(() => MeetingChecklists.Load(_folder.Path));

        Assert.Contains(error.Problems, p => p.StartsWith($"{MeetingChecklists.FileName}:{unknown}: unknown key 'party_school'", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.EndsWith("checklist 'special' needs at least one item", StringComparison.Ordinal));
        Assert.Contains($"{MeetingChecklists.FileName}:{twice + 2}: checklist 'annual' lists '个人有关事项报告情况' twice", error.Problems);
    }
}
