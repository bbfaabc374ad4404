using Xunit;

namespace MeetingBot.Meetings.Tests;

/// <summary>Every cell of the authorisation matrix: who may see what of a meeting.</summary>
public sealed class MeetingAccessTests
{
    private static readonly ChannelIdentity Secretary = new("msteams", "29:secretary");
    private static readonly ChannelIdentity MemberA = new("wecom", "liweidong");
    private static readonly ChannelIdentity MemberB = new("directline", "issuer|subject-b");
    private static readonly ChannelIdentity SecretaryElsewhere = new("msteams", "29:other-secretary");
    private static readonly ChannelIdentity Stranger = new("wecom", "nobody");

    private static readonly Meeting Bureau = new()
    {
        Id = "m-1",
        Kind = MeetingKind.LocalInspection,
        Title = "青山县民政局党组巡察整改专题民主生活会",
        Unit = "青山县民政局党组",
        Roster =
        [
            new RosterEntry("p-sec", "王敏", MeetingRole.Secretary) { Identities = [Secretary] },
            new RosterEntry("p-a", "李卫东", MeetingRole.Member) { Identities = [MemberA, new("msteams", "29:li")] },
            new RosterEntry("p-b", "赵红", MeetingRole.Member) { Identities = [MemberB] },
        ],
    };

    // The secretary of another unit's meeting is on no roster of this one.
    private static readonly Meeting OtherUnit = Bureau with
    {
        Id = "m-2",
        Unit = "青山县财政局党组",
        Roster = [new RosterEntry("p-x", "孙强", MeetingRole.Secretary) { Identities = [SecretaryElsewhere] }],
    };

    public static TheoryData<string, MeetingResource, string?, bool> Matrix => new()
    {
        { "secretary", MeetingResource.OwnMaterial, null, true },
        { "secretary", MeetingResource.MemberMaterial, "p-a", true },
        { "secretary", MeetingResource.Roster, null, true },
        { "secretary", MeetingResource.Aggregates, null, true },
        { "member-a", MeetingResource.OwnMaterial, null, true },
        { "member-a", MeetingResource.MemberMaterial, "p-a", true },
        { "member-a", MeetingResource.MemberMaterial, "p-b", false },
        { "member-a", MeetingResource.Roster, null, false },
        { "member-a", MeetingResource.Aggregates, null, false },
        { "member-b", MeetingResource.MemberMaterial, "p-a", false },
        { "secretary-elsewhere", MeetingResource.OwnMaterial, null, false },
        { "secretary-elsewhere", MeetingResource.MemberMaterial, "p-a", false },
        { "secretary-elsewhere", MeetingResource.Roster, null, false },
        { "secretary-elsewhere", MeetingResource.Aggregates, null, false },
        { "stranger", MeetingResource.OwnMaterial, null, false },
        { "stranger", MeetingResource.MemberMaterial, "p-a", false },
        { "stranger", MeetingResource.Roster, null, false },
        { "stranger", MeetingResource.Aggregates, null, false },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Each_viewer_sees_exactly_what_their_role_in_this_meeting_allows(string viewer, MeetingResource resource, string? owner, bool allowed)
    {
        var identity = viewer switch
        {
            "secretary" => Secretary,
            "member-a" => MemberA,
            "member-b" => MemberB,
            "secretary-elsewhere" => SecretaryElsewhere,
            _ => Stranger,
        };

        Assert.Equal(allowed, MeetingAccess.MaySee(Bureau, identity, resource, owner));
    }

    [Fact]
    public void A_secretary_of_one_unit_sees_their_own_meeting_and_nothing_of_another()
    {
        Assert.True(MeetingAccess.MaySee(OtherUnit, SecretaryElsewhere, MeetingResource.Aggregates));
        Assert.False(MeetingAccess.MaySee(OtherUnit, Secretary, MeetingResource.Aggregates));
    }

    [Fact]
    public void A_person_is_found_by_any_of_their_channel_identities()
    {
        Assert.Equal("p-a", Bureau.EntryOf(new ChannelIdentity("msteams", "29:li"))?.PersonId);
        Assert.Equal("p-a", Bureau.EntryOf(MemberA)?.PersonId);
        Assert.Null(Bureau.EntryOf(new ChannelIdentity("msteams", "liweidong")));
    }

    [Theory]
    [InlineData("wecom:liweidong", "wecom", "liweidong")]
    [InlineData("directline:https://idp.example/|sub:42", "directline", "https://idp.example/|sub:42")]
    public void Identities_are_written_channel_colon_user(string text, string channel, string user)
    {
        Assert.Equal(new ChannelIdentity(channel, user), ChannelIdentity.Parse(text));
        Assert.Equal(text, ChannelIdentity.Parse(text)!.ToString());
    }

    [Theory]
    [InlineData("liweidong")]
    [InlineData(":x")]
    [InlineData("wecom:")]
    public void A_malformed_identity_is_refused(string text) => Assert.Null(ChannelIdentity.Parse(text));

    [Fact]
    public void The_roster_gives_the_dialog_the_facts_it_need_not_ask()
    {
        var facts = MeetingFacts.For(Bureau with { Findings = [new Finding("1", "一、贯彻落实党的路线方针政策方面", "低保动态管理不到位")] }, Bureau.Roster[1] with { Post = "副局长" });

        Assert.Equal("李卫东", facts.Facts["name"]);
        Assert.Equal("副局长", facts.Facts["post"]);
        Assert.Equal("青山县民政局党组", facts.Facts["unit"]);
        Assert.False(facts.Facts.ContainsKey("areas"));
        Assert.Equal([("1", "低保动态管理不到位")], facts.Lists[MeetingFacts.FindingsList]);
    }
}
