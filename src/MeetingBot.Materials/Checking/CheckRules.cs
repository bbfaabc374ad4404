using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace MeetingBot.Materials.Checking;

/// <summary>
/// Everything dialogs/checks.yaml says, loaded, validated and indexed by <see cref="CheckRulesLoader"/>.
/// The checker's code knows rule kinds; the words, patterns and texts are all in here.
/// </summary>
public sealed class CheckRules
{
    internal CheckRules(
        SectionWords sections,
        YearRules year,
        IReadOnlyList<PatternRule> patterns,
        Lexicon lexicon,
        PairRules punctuation,
        PlenumRules plenums,
        PrivacyRules privacy,
        StructureRules structure)
    {
        Sections = sections;
        Year = year;
        Patterns = patterns;
        Lexicon = lexicon;
        Punctuation = punctuation;
        Plenums = plenums;
        Privacy = privacy;
        Structure = structure;
    }

    internal SectionWords Sections { get; }

    internal YearRules Year { get; }

    internal IReadOnlyList<PatternRule> Patterns { get; }

    internal Lexicon Lexicon { get; }

    internal PairRules Punctuation { get; }

    internal PlenumRules Plenums { get; }

    internal PrivacyRules Privacy { get; }

    internal StructureRules Structure { get; }

    /// <summary>How many entries each list holds, for a quick look at what was loaded.</summary>
    public IReadOnlyDictionary<string, int> Counts => new Dictionary<string, int>
    {
        ["patterns"] = Patterns.Count,
        ["words"] = Lexicon.WordCount,
        ["expressions"] = Lexicon.ExpressionCount,
        ["phrases"] = Lexicon.PhraseCount,
        ["plenums"] = Plenums.Held.Count,
        ["surnames"] = Privacy.Surnames.Count + Privacy.CompoundSurnames.Count,
    };
}

/// <summary>What part of a material a line belongs to.</summary>
internal enum SectionKind
{
    Title,
    Opening,
    Problems,
    Causes,
    Measures,
    Other,
}

/// <summary>Where a pattern applies: <c>where</c> in the rules file.</summary>
internal enum Scope
{
    Any,
    Body,
    Title,
    Opening,
    Problems,
    Causes,
    Measures,
}

/// <summary>A suggestion and the note that explains it; either may hold {placeholders}.</summary>
internal sealed record Advice(string Suggestion, string Note);

/// <summary>The words in a 一、二、三、 heading that name its part, tried causes first.</summary>
internal sealed record SectionWords(IReadOnlyList<string> Causes, IReadOnlyList<string> Measures, IReadOnlyList<string> Problems);

internal sealed record YearRules(Regex Annual, int AnnualEnds, Regex Dated, Regex Mentioned);

internal sealed record PatternRule(string Id, FindingCategory Category, Regex Regex, Scope Where, bool Residue, Advice Advice);

internal sealed record PairRules(IReadOnlyList<(char Open, char Close, bool NoNesting)> Pairs, Advice Unbalanced, Advice Nested);

/// <summary>A month in which a congress or plenum was held, or up to which the table is complete.</summary>
internal readonly record struct YearMonth(int Year, int Month) : IComparable<YearMonth>
{
    public int CompareTo(YearMonth other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);

    public static bool operator >(YearMonth a, YearMonth b) => a.CompareTo(b) > 0;

    public static bool operator <(YearMonth a, YearMonth b) => a.CompareTo(b) < 0;

    public static bool operator >=(YearMonth a, YearMonth b) => a.CompareTo(b) >= 0;

    public static bool operator <=(YearMonth a, YearMonth b) => a.CompareTo(b) <= 0;

    /// <summary>As the notes write it: 2024年7月.</summary>
    public override string ToString() => $"{Year}年{Month}月";
}

/// <summary>One congress (十九大) or plenum (十九届六中全会): when, and of which congress.</summary>
internal sealed record HeldMeeting(string Name, YearMonth Held, int Congress, bool IsCongress);

internal sealed record PlenumRules(
    Regex Mention,
    FrozenDictionary<string, HeldMeeting> Held,
    YearMonth KnownUntil,
    int StaleFrom,
    Regex StaleContext,
    Advice Future,
    Advice Unknown,
    Advice Stale);

internal sealed record PrivacyRules(
    FrozenSet<char> Surnames,
    IReadOnlyList<string> CompoundSurnames,
    IReadOnlyList<string> After,
    IReadOnlyList<string> Before,
    IReadOnlyList<string> Units,
    IReadOnlyList<string> Ends,
    FrozenSet<char> NotInNames,
    FrozenSet<string> NotNames,
    FrozenSet<string> Public,
    Advice Advice);

internal sealed record CauseTopic(Regex Cause, Regex Problems);

internal sealed record StructureRules(
    IReadOnlyList<Regex> Masks,
    IReadOnlyList<Regex> Concrete,
    IReadOnlyList<Regex> Checkable,
    Advice Problem,
    Advice Measure,
    Advice Numbering,
    Advice LineBreak,
    IReadOnlyList<CauseTopic> Topics,
    Advice Cause);
