namespace MeetingBot.Materials.Checking;

/// <summary>A finding while the checker works: a span of the text in UTF-16 offsets.</summary>
internal readonly record struct Hit(int Start, int Length, FindingCategory Category, string Suggestion, string Note)
{
    public int End => Start + Length;

    public bool Overlaps(Hit other) => Start < other.End && other.Start < End;
}
