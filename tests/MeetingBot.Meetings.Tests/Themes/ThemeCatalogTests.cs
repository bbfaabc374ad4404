using MeetingBot.Dialogs.Loading;
using MeetingBot.Meetings.Themes;
using MeetingBot.TestKit;
using Xunit;

namespace MeetingBot.Meetings.Tests.Themes;

/// <summary>The theme files of dialogs/themes/ load against the question bank's aspects; broken copies are named with file and line.</summary>
public sealed class ThemeCatalogTests : IDisposable
{
    private static readonly string Shipped = MeetingContent.Themes;

    private static readonly IReadOnlyList<string> Aspects = MeetingContent.Aspects;

    private readonly TempFolder _folder = new();

    public ThemeCatalogTests()
    {
        foreach (var file in Directory.GetFiles(Shipped, "*.yaml"))
        {
            File.Copy(file, _folder.File(Path.GetFileName(file)));
        }
    }

    [Fact]
    public void Every_shipped_theme_loads_and_puts_each_aspect_of_the_bank_under_one_of_its_headings()
    {
        var catalog = ThemeCatalog.Load(Shipped, Aspects);

        Assert.NotEmpty(catalog.All);
        Assert.All(catalog.All, theme => Assert.All(Aspects, aspect => Assert.Contains(theme.HeadingOf(aspect), theme.Headings)));
    }

    [Fact]
    public void A_secretary_finds_the_themes_of_a_kind_and_year()
    {
        var catalog = ThemeCatalog.Load(Shipped, Aspects);

        Assert.Equal(["annual-2026"], catalog.For(MeetingKind.Annual, 2026).Select(t => t.Id));
        Assert.Empty(catalog.For(MeetingKind.Annual, 2019));
        var inspection = Assert.Single(catalog.For(MeetingKind.LocalInspection, 2026));
        Assert.True(inspection.FindingsSection);
        Assert.Equal(inspection, catalog.Find("local-inspection"));
        Assert.Null(catalog.Find("annual-2019"));
    }

    [Fact]
    public void An_unknown_key_is_reported_with_file_and_line()
    {
        var line = _folder.Replace("organizational.yaml", "title: 组织生活会", "subtitle: x\ntitle: 组织生活会");

        var error = Assert.Throws<ContentLoadException>(() => ThemeCatalog.Load(_folder.Path, Aspects));

        Assert.Contains($"organizational.yaml:{line}: unknown key 'subtitle' (allowed: id, version, kind, year, title, headings, aspects, findings_section)", error.Problems);
    }

    [Fact]
    public void An_aspect_left_out_or_sent_to_a_missing_heading_is_reported()
    {
        _folder.Replace("organizational.yaml", "  integrity: integrity", "");
        var line = _folder.Replace("organizational.yaml", "  conduct: conduct", "  conduct: style");

        var error = Assert.Throws<ContentLoadException>(() => ThemeCatalog.Load(_folder.Path, Aspects));

        Assert.Contains(error.Problems, p => p.StartsWith("organizational.yaml:", StringComparison.Ordinal) && p.EndsWith("'integrity' is required", StringComparison.Ordinal));
        Assert.Contains($"organizational.yaml:{line}: aspect 'conduct' names heading 'style', which the theme does not have", error.Problems);
    }

    [Fact]
    public void An_annual_theme_needs_its_year_and_only_inspections_single_out_findings()
    {
        _folder.Replace("annual-2026.yaml", "year: 2026", "findings_section: true");

        var error = Assert.Throws<ContentLoadException>(() => ThemeCatalog.Load(_folder.Path, Aspects));

        Assert.Contains(error.Problems, p => p.StartsWith("annual-2026.yaml:", StringComparison.Ordinal) && p.Contains("needs the 'year'", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("annual-2026.yaml:", StringComparison.Ordinal) && p.Contains("only inspection themes", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_themes_of_one_kind_and_year_and_an_id_not_the_file_name_are_refused()
    {
        File.WriteAllText(_folder.File("annual-2026-b.yaml"), File.ReadAllText(_folder.File("annual-2026.yaml")));

        var error = Assert.Throws<ContentLoadException>(() => ThemeCatalog.Load(_folder.Path, Aspects));

        Assert.Contains(error.Problems, p => p.StartsWith("annual-2026-b.yaml:", StringComparison.Ordinal) && p.Contains("must be the file's name", StringComparison.Ordinal));
        Assert.Contains("themes annual-2026, annual-2026: one theme per kind and year", error.Problems);
    }

    [Fact]
    public void Pasted_headings_lose_their_numbering_and_take_the_aspects_in_order()
    {
        var headings = Theme.ParseHeadings("一、带头坚定理想信念\r\n\r\n（二）带头践行宗旨\n3. 带头担当作为；\n");

        var theme = Theme.Entered(MeetingKind.Special, "主题教育专题民主生活会", headings, Aspects);

        Assert.Equal(["带头坚定理想信念", "带头践行宗旨", "带头担当作为"], theme.Headings.Select(h => h.Title));
        Assert.Equal(["带头坚定理想信念", "带头践行宗旨", "带头担当作为", "带头担当作为"], Aspects.Select(a => theme.HeadingOf(a).Title));
        Assert.False(theme.FindingsSection);
        Assert.Empty(Theme.ParseHeadings(" \n（一）\n"));
    }

    [Fact]
    public void A_meeting_compares_against_its_chosen_theme_or_its_own_headings()
    {
        var catalog = ThemeCatalog.Load(Shipped, Aspects);
        var meeting = new Meeting { Id = "m-1", Kind = MeetingKind.LocalInspection, Title = "巡察整改专题民主生活会", Unit = "青山县民政局党组" };

        Assert.Null(catalog.ThemeOf(meeting));
        Assert.Equal("local-inspection", catalog.ThemeOf(meeting with { ThemeId = "local-inspection" })?.Id);
        var entered = catalog.ThemeOf(meeting with { Headings = ["贯彻落实方面", "廉洁自律方面"] });
        Assert.Equal([("h1", "贯彻落实方面"), ("h2", "廉洁自律方面")], entered!.Headings.Select(h => (h.Id, h.Title)));
        Assert.True(entered.FindingsSection);
    }

    public void Dispose() => _folder.Dispose();
}
