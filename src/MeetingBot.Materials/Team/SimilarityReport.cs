using MeetingBot.Drafting;

namespace MeetingBot.Materials.Team;

/// <summary>
/// templates/similarity.scriban: the 雷同检查 for the meeting's secretaries, each pair with both
/// members named and both passages shortened, or a line saying none was found.
/// </summary>
public sealed record SimilarityReport(IReadOnlyList<SimilarPassage> Passages)
{
    public const string Template = "similarity";

    public static string Render(TemplateCatalog templates, IReadOnlyList<SimilarPassage> passages) =>
        templates.Render(Template, new SimilarityReport(passages));
}
