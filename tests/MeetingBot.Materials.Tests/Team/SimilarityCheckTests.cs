using MeetingBot.Materials.Team;
using Xunit;

namespace MeetingBot.Materials.Tests.Team;

public sealed class SimilarityCheckTests
{
    private const string Original = "2025年下半年，城南片区3个老旧小区改造项目因设计变更停工2个月，群众多次到局里反映，我们没有及时召开协调会";

    // Four characters changed: another district, another month count, other words for 没有.
    private const string Edited = "2025年下半年，城北片区3个老旧小区改造项目因设计变更停工3个月，群众多次到局里反映，我们未能及时召开协调会";

    private static readonly SimilarityCheck Check = new();

    private static readonly MemberMaterial Author = new MemberBuilder("u-qian", "钱文华", "党组成员、副局长")
        .OwnWords("担当作为", "推动重点项目攻坚不力", "遇到项目卡点习惯等上级协调", Original)
        .Build();

    [Fact]
    public void Honest_drafts_and_the_same_kept_checklist_sentence_are_not_flagged()
    {
        // Two members kept the suggested 理论学习 sentence, two the 工作作风 one, word for word.
        Assert.Empty(Check.Find(TeamExample.Members));
    }

    [Fact]
    public void A_copied_paragraph_is_found_with_both_members_and_its_section()
    {
        var copier = new MemberBuilder("u-sun", "孙丽", "党组成员、纪检组长")
            .Checklist("工作作风", "conduct/grassroots", "深入基层不够", "联系服务群众不够紧密，回应群众诉求不够及时", "对群众来访分析研判少", Original)
            .Build();

        var pair = Assert.Single(Check.Find([.. TeamExample.Members, Author, copier]));

        Assert.Equal(("u-qian", "钱文华", "u-sun", "孙丽", 100), (pair.PersonA, pair.NameA, pair.PersonB, pair.NameB, pair.Percent));
        Assert.Equal(("担当作为", PassagePart.Problems, Original, Original), (pair.Section, pair.Part, pair.PassageA, pair.PassageB));
    }

    [Fact]
    public void A_lightly_edited_copy_is_found_in_another_part()
    {
        var copier = new MemberBuilder("u-sun", "孙丽", "党组成员、纪检组长")
            .Claim(TeamExample.Findings[3], Edited, null, "每月调度1次老旧小区改造进度")
            .Build();

        var pair = Assert.Single(Check.Find([Author, copier]));

        Assert.Equal((Original, Edited), (pair.PassageA, pair.PassageB));
        Assert.InRange(pair.Percent, SimilarityCheck.Threshold, 99);
    }

    [Fact]
    public void A_members_check_before_submitting_finds_what_others_already_wrote()
    {
        var own = new MemberBuilder("u-sun", "孙丽", "党组成员、纪检组长")
            .Cause("担当精神不够强", Edited)
            .Build();

        var pair = Assert.Single(Check.Against(own, [.. TeamExample.Members, Author]));

        Assert.Equal(("u-sun", "u-qian", "担当精神不够强", PassagePart.Causes), (pair.PersonA, pair.PersonB, pair.Section, pair.Part));
        Assert.Empty(Check.Against(own, TeamExample.Members));
    }

    [Fact]
    public void Short_passages_are_not_compared()
    {
        var a = new MemberBuilder("a", "甲同志", "").Cause("宗旨意识有所淡化", "下基层少，听汇报多").Build();
        var b = new MemberBuilder("b", "乙同志", "").Cause("宗旨意识有所淡化", "下基层少，听汇报多").Build();

        Assert.Empty(Check.Find([a, b]));
    }
}
