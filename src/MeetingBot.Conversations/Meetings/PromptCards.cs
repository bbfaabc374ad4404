using MeetingBot.Dialogs.Engine;
using MeetingBot.Drafting;
using MeetingBot.Materials.Drafts;
using MeetingBot.Materials.Outline;
using MeetingBot.Meetings;
using MeetingBot.Meetings.Checklists;

namespace MeetingBot.Conversations.Meetings;

/// <summary>
/// prompt_card.scriban (提示): what a member speaks from at the meeting. Everything about them is
/// their own: the problems, findings and commitments of their answers, and the points of 相互批评
/// they noted; <see cref="Checklist"/> is the meeting kind's, from dialogs/prompt-card.yaml.
/// </summary>
public sealed record PromptCardModel(
    string Title,
    DateTime? HeldAt,
    string? Place,
    bool Started,
    IReadOnlyList<PromptItem> Problems,
    IReadOnlyList<string> Claims,
    IReadOnlyList<PromptItem> Commitments,
    IReadOnlyList<string> Checklist,
    IReadOnlyList<string> CriticismNotes);

/// <summary>One line of the card: what it is about (a problem's short name, a measure's heading or a finding) and the member's words for it, null while they have none.</summary>
public sealed record PromptItem(string Label, string? Detail);

/// <summary>
/// 提示: a member's prompt card for a meeting, built from their current answers (submitted or not)
/// through the draft's model, so it says nothing they did not write and names what is still missing.
/// The template writes an outline (templates/README.md, "Materials are outlines"): the reply carries
/// it as its <see cref="BotReply.Card"/>, for the channels that format cards, and as chat text.
/// </summary>
public sealed class PromptCards(DraftComposer composer, TemplateCatalog templates, SecretaryViews views, MeetingChecklists checklists, TimeProvider time)
{
    public const string Template = "prompt_card";

    public static IReadOnlyList<object> Samples { get; } =
    [
        new PromptCardModel("会议", new DateTime(2026, 12, 20, 9, 0, 0), "会议室", true,
            [new PromptItem("问题", "事例"), new PromptItem("问题", null)], ["反馈问题"], [new PromptItem("措施", "做法"), new PromptItem("措施", null)], ["事项"], ["意见"]),
        new PromptCardModel("会议", new DateTime(2026, 12, 20, 0, 0, 0), null, true, [], [], [], ["事项"], []),
        new PromptCardModel("会议", null, null, false, [], [], [], ["事项"], []),
    ];

    /// <summary>
    /// The prompt card of <paramref name="person"/> for <paramref name="meeting"/>, as of now: the
    /// 提示 command's reply, and what a bot-initiated turn (the reminder the day before the meeting)
    /// sends. It needs no turn: the context of the answers is built here from the meeting and the person.
    /// </summary>
    /// <param name="selfCheck">The person's self-check for the meeting; null when they never started one (the card says how to start).</param>
    /// <returns>A reply marked as a card: <see cref="BotReply.Card"/> holds the outline, <see cref="BotReply.Text"/> the same as chat text.</returns>
    public BotReply Card(Meeting meeting, RosterEntry person, SelfCheckRecord? selfCheck)
    {
        var state = selfCheck?.Dialog ?? new DialogState();
        var draft = composer.Compose(state, views.ContextOf(meeting, person, time.GetUtcNow()));
        var model = new PromptCardModel(
            meeting.Title,
            meeting.HeldAt is { } at ? views.LocalTime(at) : null,
            meeting.Place,
            state.Answers.Count > 0,
            [.. draft.Aspects.SelectMany(a => a.Problems).Select(p => new PromptItem(p.Label, p.Example.Value))],
            [.. draft.Claims.Select(c => c.Finding)],
            [
                .. draft.Claims.Select(c => new PromptItem(c.Finding, c.Measure.Value)),
                .. draft.MeasureGroups.SelectMany(g => g.Measures).Select(m => new PromptItem(m.Heading, m.Commitment.Value)),
            ],
            checklists.For(meeting.Kind),
            selfCheck?.CriticismNotes ?? []);
        var outline = OutlineMarkup.Parse(templates.Render(Template, model));
        return new BotReply(OutlineText.Render(outline), []) { Card = outline };
    }
}
