using MeetingBot.Dialogs.Engine;
using MeetingBot.Drafting;
using MeetingBot.Materials.Drafts;
using MeetingBot.Meetings;

namespace MeetingBot.Conversations.Meetings;

/// <summary>prompt_card.scriban (提示): what a member speaks from at the meeting, from their own answers.</summary>
public sealed record PromptCardModel(
    string Title,
    string Kind,
    DateTime? HeldAt,
    string? Place,
    bool Started,
    IReadOnlyList<PromptProblem> Problems,
    IReadOnlyList<string> Claims,
    IReadOnlyList<string> Commitments);

/// <summary>A problem of the member's in one line: its short name and their example, as they wrote it.</summary>
public sealed record PromptProblem(string Label, string? Example);

/// <summary>
/// 提示: the member's prompt card for the meeting their conversation works on, built from their
/// current answers (submitted or not) through the draft's model, so it says nothing they did not write.
/// </summary>
public sealed class PromptCards(DraftComposer composer, TemplateCatalog templates, SecretaryViews views)
{
    public const string Template = "prompt_card";

    public static IReadOnlyList<object> Samples { get; } =
    [
        new PromptCardModel("会议", "local_inspection", new DateTime(2026, 12, 20, 9, 0, 0), "会议室", true,
            [new PromptProblem("问题", "事例"), new PromptProblem("问题", null)], ["反馈问题"], ["措施"]),
        new PromptCardModel("会议", "annual", null, null, false, [], [], []),
    ];

    // Stand-in until the prompt card is rendered outside a turn.
    public BotReply CardFor(Meeting meeting, RosterEntry person, SelfCheckRecord? selfCheck) => new(templates.Render(Template, Samples[1]), []);

    public string Render(MeetingSession session, ConversationContext context)
    {
        var meeting = session.Meeting;
        var state = session.SelfCheck.Dialog;
        var draft = composer.Compose(state, context);
        var problems = draft.Aspects.SelectMany(a => a.Problems).Select(p => new PromptProblem(p.Label, p.Example.Value)).ToArray();
        var commitments = draft.Claims.Select(c => c.Measure.Value)
            .Concat(draft.MeasureGroups.SelectMany(g => g.Measures).Select(m => m.Commitment.Value))
            .OfType<string>().ToArray();
        return templates.Render(Template, new PromptCardModel(
            meeting.Title,
            MeetingFacts.OptionOf(meeting.Kind),
            meeting.HeldAt is { } at ? views.LocalTime(at) : null,
            meeting.Place,
            state.Answers.Count > 0,
            problems,
            [.. draft.Claims.Select(c => c.Finding)],
            commitments));
    }
}
