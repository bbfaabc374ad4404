using MeetingBot.Dialogs.Engine;
using MeetingBot.Materials.Checking;

namespace MeetingBot.Materials.Drafts;

/// <summary>
/// The quality checker on a cadre's own draft: what the review lists, and what stops 提交. The
/// draft's 「待补充」 markers are its gaps, listed as such, not findings; a placeholder or a wrong
/// word the cadre typed blocks the submission; every other finding only warns.
/// </summary>
public sealed class DraftChecks(DraftRenderer drafts, MaterialChecker checker) : ISubmissionGate
{
    private const string GapMarker = "「待补充";

    private static readonly FindingCategory[] Blocking = [FindingCategory.Placeholder, FindingCategory.WrongWord, FindingCategory.FixedExpression];

    /// <summary>The findings on the draft, its own gap markers left out.</summary>
    public IReadOnlyList<Finding> Findings(RenderedDraft draft)
    {
        var options = new CheckOptions
        {
            Authors = draft.Model.Name.Value is { } name ? [name] : [],
            Year = int.TryParse(draft.Model.Year?.Value, out var year) ? year : null,
        };
        return checker.Check(draft.Text, options).Where(f => !f.Text.StartsWith(GapMarker, StringComparison.Ordinal)).ToArray();
    }

    public static bool Blocks(Finding finding) => Blocking.Contains(finding.Category);

    public IReadOnlyList<SubmitBlock> Check(DialogState state, ConversationContext context) =>
        Findings(drafts.Render(state, context)).Where(Blocks).Select(f => new SubmitBlock(f.Text, f.Suggestion, f.Note)).ToArray();
}
