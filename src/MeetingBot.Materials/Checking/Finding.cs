using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MeetingBot.Materials.Checking;

/// <summary>
/// One defect in a material, explained and never repaired. <see cref="Line"/> and
/// <see cref="Column"/> are 1-based; <see cref="Column"/> and <see cref="Length"/> count Unicode
/// scalar values, so a character outside the Basic Multilingual Plane (a rare CJK Extension B
/// character) counts as one, as it does for a reader, while an emoji built of several scalars
/// counts as several.
/// </summary>
public sealed record Finding(int Line, int Column, int Length, FindingCategory Category, string Text, string Suggestion, string Note);

/// <summary>What kind of defect a finding is; the names are fixed (see dialogs/README.md, checks.yaml).</summary>
[JsonConverter(typeof(FindingCategoryConverter))]
public enum FindingCategory
{
    Placeholder,
    WrongWord,
    FixedExpression,
    MissingChar,
    ExtraChar,
    Markup,
    Punctuation,
    Structure,
    Specificity,
    Privacy,
    Year,
}

/// <summary>The one table of category names, used by the rules file and the JSON output alike.</summary>
public static class FindingCategories
{
    private static readonly FrozenDictionary<FindingCategory, string> Names = new Dictionary<FindingCategory, string>
    {
        [FindingCategory.Placeholder] = "placeholder",
        [FindingCategory.WrongWord] = "wrong-word",
        [FindingCategory.FixedExpression] = "fixed-expression",
        [FindingCategory.MissingChar] = "missing-char",
        [FindingCategory.ExtraChar] = "extra-char",
        [FindingCategory.Markup] = "markup",
        [FindingCategory.Punctuation] = "punctuation",
        [FindingCategory.Structure] = "structure",
        [FindingCategory.Specificity] = "specificity",
        [FindingCategory.Privacy] = "privacy",
        [FindingCategory.Year] = "year",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, FindingCategory> ByName =
        Names.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static IEnumerable<string> All => Names.Values.Order(StringComparer.Ordinal);

    public static string Name(FindingCategory category) => Names[category];

    public static bool TryParse(string name, out FindingCategory category) => ByName.TryGetValue(name, out category);
}

/// <summary>What the text alone may not tell the checker.</summary>
public sealed record CheckOptions
{
    public static CheckOptions Default { get; } = new();

    /// <summary>The material's year (the 年度 of the meeting), when the text does not say it.</summary>
    public int? Year { get; init; }

    /// <summary>The author's names: never reported as other people's names.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];
}

internal sealed class FindingCategoryConverter : JsonConverter<FindingCategory>
{
    public override FindingCategory Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        FindingCategories.TryParse(reader.GetString() ?? "", out var category) ? category : throw new JsonException("unknown finding category");

    public override void Write(Utf8JsonWriter writer, FindingCategory value, JsonSerializerOptions options) =>
        writer.WriteStringValue(FindingCategories.Name(value));
}
