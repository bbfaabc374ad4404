using System.Diagnostics.CodeAnalysis;
using MeetingBot.Materials.Drafts;

namespace MeetingBot.Materials.Team;

/// <summary>Which part of a material a passage stands in.</summary>
public enum PassagePart
{
    /// <summary>A problem's statement, showing or example (一、存在的主要问题).</summary>
    Problems,

    /// <summary>How a claimed finding shows, its example or its measure.</summary>
    Findings,

    /// <summary>How a cause shows (二、原因分析).</summary>
    Causes,

    /// <summary>A measure's commitment (三、整改措施).</summary>
    Measures,
}

/// <summary>
/// Two members' near-identical passages: each member and their passage as written, the section the
/// first stands in (an aspect or theme heading, a cause's heading, a finding's text), and how alike
/// they are in percent.
/// </summary>
public sealed record SimilarPassage(string Section, string PersonA, string NameA, string PassageA, string PersonB, string NameB, string PassageB, int Percent)
{
    /// <summary>The part of the material the first passage stands in.</summary>
    public PassagePart Part { get; init; }
}

/// <summary>
/// 雷同检查: finds passages that two different members share nearly word for word (千篇一律 is a
/// reviewer's finding). It compares only what members wrote themselves: every showing, example,
/// cause showing, commitment and claim, and the problems' statements, except that two members who
/// kept the same suggested sentence of the checklist (same key, same statement) are not flagged.
/// Passages are compared without whitespace and punctuation; shorter ones than
/// <see cref="ShortestPassage"/> characters are skipped; the score is the Dice coefficient of their
/// sets of character bigrams, and a pair scoring <see cref="Threshold"/> percent or more is reported.
/// </summary>
/// <remarks>
/// Each passage's bigrams are computed once and indexed, so a passage is compared only with those
/// that share a bigram with it: fifty members' materials take a few milliseconds.
/// </remarks>
public sealed class SimilarityCheck
{
    public const int ShortestPassage = 15;

    public const int Threshold = 80;

    /// <summary>Every near-identical pair of passages of two different members, each pair once, the earlier member first.</summary>
    [SuppressMessage("Performance", "CA1822", Justification = "A service, injected where the secretary asks for it.")]
    public IReadOnlyList<SimilarPassage> Find(IReadOnlyList<MemberMaterial> members)
    {
        var index = new BigramIndex();
        var found = new List<(int A, int B, SimilarPassage Pair)>();
        foreach (var passage in members.SelectMany((m, i) => PassagesOf(m, i)))
        {
            found.AddRange(index.Like(passage).Select(m => (m.Passage.Order, passage.Order, Pair(m.Passage, passage, m.Percent))));
            index.Add(passage);
        }

        return [.. found.OrderBy(f => f.A).ThenBy(f => f.B).Select(f => f.Pair)];
    }

    /// <summary>The passages of <paramref name="own"/> that another member's material shares nearly word for word (for a warning before submitting).</summary>
    [SuppressMessage("Performance", "CA1822", Justification = "A service, injected where the secretary asks for it.")]
    public IReadOnlyList<SimilarPassage> Against(MemberMaterial own, IReadOnlyList<MemberMaterial> others)
    {
        var index = new BigramIndex();
        foreach (var passage in others.SelectMany((m, i) => PassagesOf(m, i + 1)))
        {
            index.Add(passage);
        }

        return [.. PassagesOf(own, 0).SelectMany(p => index.Like(p).Select(m => Pair(p, m.Passage, m.Percent)))];
    }

    private static SimilarPassage Pair(Passage a, Passage b, int percent) =>
        new(a.Section, a.Owner.PersonId, a.Owner.Name, a.Text, b.Owner.PersonId, b.Owner.Name, b.Text, percent) { Part = a.Part };

    /// <summary>The member's own passages long enough to compare, each text once.</summary>
    private static IEnumerable<Passage> PassagesOf(MemberMaterial member, int order) =>
        Written(member.Draft)
            .Where(w => w.Field.Value is not null)
            .Select(w => new Passage(member, order, w.Part, w.Section, w.Field.Value!, w.Key, Normalise(w.Field.Value!)))
            .Where(p => p.Normalised.Length >= ShortestPassage)
            .DistinctBy(p => p.Normalised, StringComparer.Ordinal);

    /// <summary>Every field of the draft that holds the member's own words, where it stands, and a statement's checklist key.</summary>
    private static IEnumerable<(PassagePart Part, string Section, DraftField Field, string? Key)> Written(DraftModel draft)
    {
        foreach (var aspect in draft.Aspects)
        {
            foreach (var problem in aspect.Problems)
            {
                yield return (PassagePart.Problems, aspect.Title, problem.Statement, problem.Key);
                yield return (PassagePart.Problems, aspect.Title, problem.Showing, null);
                yield return (PassagePart.Problems, aspect.Title, problem.Example, null);
            }
        }

        foreach (var claim in draft.Claims)
        {
            yield return (PassagePart.Findings, claim.Finding, claim.Showing, null);
            yield return (PassagePart.Findings, claim.Finding, claim.Example, null);
            yield return (PassagePart.Findings, claim.Finding, claim.Measure, null);
        }

        foreach (var cause in draft.Causes)
        {
            yield return (PassagePart.Causes, cause.Heading, cause.Showing, null);
        }

        foreach (var group in draft.MeasureGroups)
        {
            foreach (var measure in group.Measures)
            {
                yield return (PassagePart.Measures, group.AspectTitle, measure.Commitment, null);
            }
        }
    }

    /// <summary>The text's letters, digits and ideographs: whitespace, punctuation and symbols dropped.</summary>
    private static string Normalise(string text) => string.Concat(text.Where(char.IsLetterOrDigit));

    /// <summary>
    /// A passage to compare: whose (and their place in the roster), where, as written and normalised, and, for a problem's statement,
    /// the checklist key it answers (null for anything else).
    /// </summary>
    private sealed record Passage(MemberMaterial Owner, int Order, PassagePart Part, string Section, string Text, string? Key, string Normalised)
    {
        public int[] Bigrams { get; } = BigramsOf(Normalised);

        /// <summary>Both are the same checklist problem's statement, word for word: a kept suggestion, stock text.</summary>
        public bool SameStockAs(Passage other) => Key is not null && Key == other.Key && Normalised == other.Normalised;

        private static int[] BigramsOf(string text)
        {
            var bigrams = new HashSet<int>();
            for (var i = 1; i < text.Length; i++)
            {
                bigrams.Add((text[i - 1] << 16) | text[i]);
            }

            return [.. bigrams];
        }
    }

    /// <summary>The passages seen so far, by bigram; <see cref="Like"/> finds those near-identical to one more.</summary>
    private sealed class BigramIndex
    {
        private readonly List<Passage> _passages = [];
        private readonly Dictionary<int, List<int>> _postings = [];
        private int[] _shared = [];

        public void Add(Passage passage)
        {
            foreach (var bigram in passage.Bigrams)
            {
                if (!_postings.TryGetValue(bigram, out var list))
                {
                    _postings[bigram] = list = [];
                }

                list.Add(_passages.Count);
            }

            _passages.Add(passage);
        }

        /// <summary>The indexed passages of other members that score at least the threshold against the passage, in index order.</summary>
        public List<(Passage Passage, int Percent)> Like(Passage passage)
        {
            if (_shared.Length < _passages.Count)
            {
                _shared = new int[Math.Max(_passages.Count, 2 * _shared.Length)];
            }

            var touched = new List<int>();
            foreach (var bigram in passage.Bigrams)
            {
                if (!_postings.TryGetValue(bigram, out var holders))
                {
                    continue;
                }

                foreach (var i in holders)
                {
                    if (_shared[i]++ == 0)
                    {
                        touched.Add(i);
                    }
                }
            }

            var like = new List<(Passage, int)>();
            touched.Sort();
            foreach (var i in touched)
            {
                var other = _passages[i];
                var percent = 200 * _shared[i] / (passage.Bigrams.Length + other.Bigrams.Length);
                _shared[i] = 0;
                if (percent >= Threshold && other.Owner.PersonId != passage.Owner.PersonId && !passage.SameStockAs(other))
                {
                    like.Add((other, percent));
                }
            }

            return like;
        }
    }
}
