using MeetingBot.Dialogs.Engine;
using MeetingBot.Drafting;
using MeetingBot.Materials.Outline;

namespace MeetingBot.Materials.Drafts;

/// <summary>A personal draft as the cadre's answers make it: the model, its outline and the outline's chat text.</summary>
public sealed record RenderedDraft(DraftModel Model, DocumentOutline Outline, string Text);

/// <summary>
/// Renders a personal draft: the composer's model through templates/draft.scriban into an outline
/// (see <see cref="OutlineMarkup"/>), which every rendering shares.
/// </summary>
public sealed class DraftRenderer(DraftComposer composer, TemplateCatalog templates)
{
    public const string Template = "draft";

    public RenderedDraft Render(DialogState state, ConversationContext context)
    {
        var model = composer.Compose(state, context);
        var outline = OutlineMarkup.Parse(templates.Render(Template, model));
        return new RenderedDraft(model, outline, OutlineText.Render(outline));
    }
}
