using MeetingBot.Materials.Outline;
using MeetingBot.TestKit;

namespace MeetingBot.Materials.OpenXml.Tests;

/// <summary>The outlines the tests write.</summary>
internal static class Outlines
{
    /// <summary>
    /// The golden complete self-check's draft (tests/MeetingBot.Conversations.Tests/Golden/full.draft.txt)
    /// marked up as an outline: Outlines/full.outline.txt, checked against it by OutlineFixtureTests.
    /// </summary>
    public static DocumentOutline FullDraft { get; } = OutlineMarkup.Parse(File.ReadAllText(FullDraftFile));

    /// <summary>A short material with what the full draft lacks: a one-line title too long for a line, and the closing lines.</summary>
    public static DocumentOutline SignedMaterial { get; } = OutlineMarkup.Parse("""
        = 某局党组成员、副局长张某2025年度民主生活会个人对照检查材料
        # 一、存在的主要问题
        一是理论学习的主动性和自觉性不够，存在以干代学、以忙挤学的情况。
        以上对照检查，如有不妥之处，恳请同志们批评指正。
        > 张某
        > 2026年1月15日
        """);

    public static string FullDraftFile => Path.Combine(RepositoryPaths.Root, "tests", "MeetingBot.Materials.OpenXml.Tests", "Outlines", "full.outline.txt");
}
