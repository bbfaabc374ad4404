using MeetingBot.Drafting;
using MeetingBot.Materials.Outline;

namespace MeetingBot.Materials.Team;

/// <summary>
/// The team's material: the model, its outline and the outline's chat text (templates/team_draft.scriban),
/// and the appendix for the secretary (templates/team_appendix.scriban: who raised what, the findings
/// nobody took up), which is chat text only and no part of the material.
/// </summary>
public sealed record RenderedTeamDraft(TeamDraftModel Model, DocumentOutline Outline, string Text, string Appendix);

/// <summary>Renders the team's material through the composer's model; see <see cref="TeamSamples"/> for the templates' sample models.</summary>
public sealed class TeamDraftRenderer(TeamDraftComposer composer, TemplateCatalog templates)
{
    public const string Template = "team_draft";

    public const string AppendixTemplate = "team_appendix";

    public RenderedTeamDraft Render(TeamMeeting meeting, IReadOnlyList<MemberMaterial> members)
    {
        var model = composer.Compose(meeting, members);
        var outline = OutlineMarkup.Parse(templates.Render(Template, model));
        return new RenderedTeamDraft(model, outline, OutlineText.Render(outline), templates.Render(AppendixTemplate, model));
    }
}
