using System.Diagnostics;
using MeetingBot.Materials.Checking;
using MeetingBot.Materials.Outline;
using Xunit;

namespace MeetingBot.Materials.Tests.Checking;

/// <summary>Positions in Unicode scalar values, the outline entry point, ordering and speed.</summary>
public sealed class CheckerTests
{
    [Fact]
    public void Columns_and_lengths_count_a_character_outside_the_basic_plane_once()
    {
        var finding = Assert.Single(Shipped.Check("材料\n𠮷𠮷学习蜻蜒点水。"));

        Assert.Equal((2, 5, 4, "蜻蜒点水"), (finding.Line, finding.Column, finding.Length, finding.Text));
    }

    [Fact]
    public void Findings_come_in_reading_order()
    {
        var findings = Shipped.Check("XX局对照检查材料\n学习蜻蜒点水,雪中送碳。\n开展谈心谈话XX人次。");

        Assert.Equal(["XX局", "蜻蜒点水", ",", "雪中送碳", "XX人次"], findings.Select(f => f.Text));
    }

    [Fact]
    public void A_draft_outline_is_checked_as_the_text_the_cadre_reads()
    {
        var outline = OutlineMarkup.Parse("= 某局副局长张某\n= 年度民主生活会个人对照检查材料\n# 一、存在的主要问题\n一是学习蜻蜒点水。比如，今年只参加了2次集中学习。");

        var finding = Assert.Single(Shipped.Checker.Check(outline));

        Assert.Equal((6, "蜻蜒点水"), (finding.Line, finding.Text));
    }

    [Fact]
    public void Twenty_five_thousand_characters_are_checked_well_under_a_tenth_of_a_second()
    {
        var example = File.ReadAllText(Path.Combine(Shipped.TestData, "Examples", "001_75cdd4f86e46ac2d.txt"));
        var text = string.Concat(Enumerable.Repeat(example + "\n", 3))[..25_000];
        for (var i = 0; i < 10; i++)
        {
            Shipped.Check(text);
        }

        // After warming up, the best of a few runs: the machine is shared, and one slow run says
        // nothing of the checker.
        var best = Enumerable.Range(0, 5).Min(_ =>
        {
            var watch = Stopwatch.StartNew();
            Shipped.Check(text);
            return watch.Elapsed;
        });

        Assert.True(best < TimeSpan.FromMilliseconds(100), $"best of five runs took {best.TotalMilliseconds:F0} ms");
    }
}
