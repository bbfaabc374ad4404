using MeetingBot.Materials.Checking;
using MeetingBot.TestKit;

namespace MeetingBot.Materials.Tests.Checking;

/// <summary>The checker built from the shipped dialogs/checks.yaml, loaded once for all tests.</summary>
internal static class Shipped
{
    public static MaterialChecker Checker { get; } = MaterialChecker.Load(RepositoryPaths.Dialogs);

    public static string TestData => Path.Combine(RepositoryPaths.Root, "tests", "MeetingBot.Materials.Tests", "Checking");

    public static IReadOnlyList<Finding> Check(string text, CheckOptions? options = null) => Checker.Check(text, options);

    /// <summary>The texts found in one category: what most tests compare.</summary>
    public static string[] Texts(string text, FindingCategory category, CheckOptions? options = null) =>
        Check(text, options).Where(f => f.Category == category).Select(f => f.Text).ToArray();

    /// <summary>A material with the three parts, the given lines under the part they name.</summary>
    public static string Material(string problems = "", string causes = "", string measures = "") => $"""
        某局副局长对照检查材料
        一、存在的主要问题
        {problems}
        二、原因分析
        {causes}
        三、整改措施
        {measures}
        """;
}
