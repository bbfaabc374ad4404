using MeetingBot.Materials.Drafts;

namespace MeetingBot.Materials.Team;

/// <summary>One member's submitted material: who they are in the meeting's roster, and their draft.</summary>
public sealed record MemberMaterial(string PersonId, string Name, string? Post, DraftModel Draft);

/// <summary>
/// A finding of the meeting's inspection feedback (反馈问题): its id (f1, f2…), the aspect line it
/// stands under (empty when the feedback names no aspects), and its text.
/// </summary>
public sealed record TeamFinding(string Id, string Aspect, string Text);

/// <summary>
/// What the team's material needs of the meeting. <see cref="Kind"/> is one of the
/// <see cref="DraftModel.MeetingKind"/> ids (annual, central_inspection, local_inspection,
/// organizational, special); <see cref="Unit"/> the unit whose leadership team meets (青山县住房和城乡建设局);
/// <see cref="Date"/> as the material writes it (2026年12月20日).
/// </summary>
public sealed record TeamMeeting(string Title, string Unit, string Kind, IReadOnlyList<TeamFinding> Findings, string Date)
{
    /// <summary>An inspection meeting with findings: the team's material answers the findings first.</summary>
    public bool AnswersFindings => Kind is "central_inspection" or "local_inspection" && Findings.Count > 0;
}
