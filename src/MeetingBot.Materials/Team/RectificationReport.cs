using MeetingBot.Drafting;

namespace MeetingBot.Materials.Team;

/// <summary>templates/rectification.scriban: the 整改清单 as chat text, one numbered entry per row.</summary>
public sealed record RectificationReport(IReadOnlyList<RectificationRow> Rows)
{
    public const string Template = "rectification";

    public static string Render(TemplateCatalog templates, IReadOnlyList<RectificationRow> rows) =>
        templates.Render(Template, new RectificationReport(rows));
}
