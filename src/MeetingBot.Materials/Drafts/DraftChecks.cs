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

    // The review lists the findings, and 提交, usually a turn later, checks the same text again. The
    // checks depend only on the text, the author and the year, so the latest results are kept.
    private const int Remembered = 64;

    private static readonly FindingCategory[] Blocking = [FindingCategory.Placeholder, FindingCategory.WrongWord, FindingCategory.FixedExpression];

    private readonly Checked?[] _recent = new Checked?[Remembered];
    private readonly Lock _recentLock = new();
    private int _nextSlot;

    /// <summary>The findings on the draft, its own gap markers left out.</summary>
    public IReadOnlyList<Finding> Findings(RenderedDraft draft)
    {
        var author = draft.Model.Name.Value;
        int? year = int.TryParse(draft.Model.Year?.Value, out var parsed) ? parsed : null;
        lock (_recentLock)
        {
            if (Array.Find(_recent, c => c is not null && c.Author == author && c.Year == year && c.Text == draft.Text) is { } known)
            {
                return known.Findings;
            }
        }

        var options = new CheckOptions { Authors = author is null ? [] : [author], Year = year };
        var findings = checker.Check(draft.Text, options).Where(f => !f.Text.StartsWith(GapMarker, StringComparison.Ordinal)).ToArray();
        lock (_recentLock)
        {
            _recent[_nextSlot] = new Checked(draft.Text, author, year, findings);
            _nextSlot = (_nextSlot + 1) % Remembered;
        }

        return findings;
    }

    public static bool Blocks(Finding finding) => Blocking.Contains(finding.Category);

    public IReadOnlyList<SubmitBlock> Check(DialogState state, ConversationContext context) =>
        Findings(drafts.Render(state, context)).Where(Blocks).Select(f => new SubmitBlock(f.Text, f.Suggestion, f.Note)).ToArray();

    private sealed record Checked(string Text, string? Author, int? Year, IReadOnlyList<Finding> Findings);
}
