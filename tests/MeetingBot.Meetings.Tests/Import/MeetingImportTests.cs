using MeetingBot.Meetings.Import;
using MeetingBot.Meetings.Storage;
using MeetingBot.Storage.Embedded;
using MeetingBot.TestKit;
using Xunit;

namespace MeetingBot.Meetings.Tests.Import;

/// <summary>Importing a meeting's file again keeps everyone: their ids, under which their answers are stored.</summary>
public sealed class MeetingImportTests
{
    private static readonly ChannelIdentity SecretaryAccount = new("test", "sec-1");
    private static readonly ChannelIdentity LiOnWeCom = new("wecom", "liweidong");
    private static readonly ChannelIdentity ZhaoOnTeams = new("msteams", "8c0f-aad");

    private static readonly MeetingDefinition First = new()
    {
        Kind = MeetingKind.LocalInspection,
        Title = "青山县民政局党组巡察整改专题民主生活会",
        Unit = "青山县民政局党组",
        Place = "局机关三楼会议室",
        InvitationCode = "QS2026",
        ThemeId = "local-inspection",
        Findings =
        [
            new Finding("f1", "贯彻落实党的路线方针政策方面", "低保动态管理不到位"),
            new Finding("f2", "落实全面从严治党责任方面", "专项资金监管不严"),
        ],
        People =
        [
            new PersonDefinition("王敏", MeetingRole.Secretary) { Accounts = [SecretaryAccount] },
            new PersonDefinition("李卫东", MeetingRole.Member) { Post = "副局长", Accounts = [new("test", "m-1"), LiOnWeCom] },
            new PersonDefinition("赵红", MeetingRole.Member) { Accounts = [ZhaoOnTeams] },
        ],
    };

    [Fact]
    public async Task The_reminder_schedule_is_stored_with_the_meeting_and_a_re_import_that_says_nothing_of_it_keeps_it()
    {
        using var folder = new TempFolder();
        using var documents = new EmbeddedDocumentStore(folder.File("bot.db"), TimeProvider.System);
        var meetings = new MeetingStore(documents);
        var custom = ReminderSchedule.Default with { BeforeDeadline = [TimeSpan.FromDays(2)], QuietHours = null };
        var first = await meetings.SaveAsync(MeetingImport.Apply(null, First with { Reminders = custom }), null, CancellationToken.None);

        var stored = await meetings.ReadAsync(first.Meeting.Id, CancellationToken.None);
        var again = MeetingImport.Apply(stored!.Meeting, First);

        Assert.Equal(ReminderSchedule.Default, MeetingImport.Apply(null, First).Reminders);
        Assert.Equal([TimeSpan.FromDays(2)], again.Reminders.BeforeDeadline);
        Assert.Null(again.Reminders.QuietHours);
        Assert.Equal(TimeSpan.FromDays(1), again.Reminders.PromptBeforeMeeting);
    }

    [Fact]
    public void A_first_import_gives_the_meeting_and_each_person_a_new_random_id()
    {
        var meeting = MeetingImport.Apply(null, First);
        var again = MeetingImport.Apply(null, First);

        Assert.Matches("^m-[0-9a-f]{12}$", meeting.Id);
        Assert.All(meeting.Roster, e => Assert.Matches("^p-[0-9a-f]{12}$", e.PersonId));
        Assert.Equal(3, meeting.Roster.Select(e => e.PersonId).Distinct().Count());
        Assert.NotEqual(meeting.Id, again.Id);
        Assert.Empty(meeting.Roster.Select(e => e.PersonId).Intersect(again.Roster.Select(e => e.PersonId)));
        Assert.Equal(("副局长", MeetingRole.Member), (meeting.EntryOf(LiOnWeCom)!.Post, meeting.EntryOf(LiOnWeCom)!.Role));
        Assert.Equal(("QS2026", "local-inspection", "局机关三楼会议室"), (meeting.InvitationCode, meeting.ThemeId, meeting.Place));
        Assert.True(MeetingAccess.MaySee(meeting, SecretaryAccount, MeetingResource.Aggregates));
    }

    [Fact]
    public void People_keep_their_id_when_matched_by_an_account_or_else_by_name()
    {
        var before = MeetingImport.Apply(null, First);
        var next = First with
        {
            People =
            [
                new PersonDefinition("王敏", MeetingRole.Secretary) { Accounts = [SecretaryAccount] },
                // The name corrected, one account kept: still the same person.
                new PersonDefinition("李伟东", MeetingRole.Secretary) { Accounts = [LiOnWeCom] },
                // Every account new, the name the same: still the same person.
                new PersonDefinition("赵红", MeetingRole.Member) { Accounts = [new("wecom", "zhaohong")] },
                new PersonDefinition("孙强", MeetingRole.Member) { Accounts = [new("web", "sub-42")] },
            ],
        };

        var after = MeetingImport.Apply(before, next);

        Assert.Equal(before.Id, after.Id);
        Assert.Equal(before.EntryOf(LiOnWeCom)!.PersonId, after.EntryOf(LiOnWeCom)!.PersonId);
        Assert.Equal(("李伟东", MeetingRole.Secretary), (after.EntryOf(LiOnWeCom)!.Name, after.EntryOf(LiOnWeCom)!.Role));
        Assert.Equal(before.EntryOf(ZhaoOnTeams)!.PersonId, after.EntryOf(new("wecom", "zhaohong"))!.PersonId);
        Assert.Null(after.EntryOf(ZhaoOnTeams));
        Assert.Null(after.EntryOf(new("test", "m-1")));
        Assert.DoesNotContain(after.EntryOf(new("web", "sub-42"))!.PersonId, before.Roster.Select(e => e.PersonId));
    }

    [Fact]
    public void A_person_left_out_is_kept_but_removed_and_comes_back_with_the_same_id()
    {
        var before = MeetingImport.Apply(null, First);
        var zhao = before.EntryOf(ZhaoOnTeams)!;

        var without = MeetingImport.Apply(before, First with { People = First.People.Take(2).ToArray() });
        var back = MeetingImport.Apply(without, First);

        var kept = Assert.Single(without.Roster, e => e.PersonId == zhao.PersonId);
        Assert.True(kept.Removed);
        Assert.Null(without.EntryOf(ZhaoOnTeams));
        Assert.False(MeetingAccess.MaySee(without, ZhaoOnTeams, MeetingResource.OwnMaterial));
        Assert.Equal((zhao.PersonId, false), (back.EntryOf(ZhaoOnTeams)!.PersonId, back.EntryOf(ZhaoOnTeams)!.Removed));
        Assert.Equal(3, back.Roster.Count);
    }

    [Fact]
    public void A_secretary_left_out_loses_what_only_secretaries_see()
    {
        var before = MeetingImport.Apply(null, First);

        var after = MeetingImport.Apply(before, First with { People = [First.People[1] with { Role = MeetingRole.Secretary }] });

        Assert.False(MeetingAccess.MaySee(after, SecretaryAccount, MeetingResource.Roster));
        Assert.True(MeetingAccess.MaySee(after, LiOnWeCom, MeetingResource.Roster));
    }

    [Fact]
    public void Findings_keep_their_ids_by_text_and_new_ones_never_take_an_id_used_before()
    {
        var before = MeetingImport.Apply(null, First);
        var next = First with
        {
            Findings =
            [
                new Finding("f1", "贯彻落实党的路线方针政策方面", "临时救助审批超时限"),
                new Finding("f2", "落实全面从严治党责任方面", "专项资金监管不严"),
            ],
        };

        var after = MeetingImport.Apply(before, next);

        Assert.Equal([("f3", "临时救助审批超时限"), ("f2", "专项资金监管不严")], after.Findings.Select(f => (f.Id, f.Text)));
    }

    [Fact]
    public void What_the_file_leaves_out_keeps_the_meeting_s_value()
    {
        var before = MeetingImport.Apply(null, First) with { InvitationCode = "K7Q2M9" };

        var after = MeetingImport.Apply(before, First with { InvitationCode = null, ThemeId = null, Place = null, Findings = [] });
        var retitled = MeetingImport.Apply(before, First with { ThemeId = null, Headings = ["带头履职尽责"] });

        Assert.Equal(("K7Q2M9", "local-inspection", "局机关三楼会议室"), (after.InvitationCode, after.ThemeId, after.Place));
        Assert.Equal(before.Findings, after.Findings);
        Assert.Null(retitled.ThemeId);
        Assert.Equal(["带头履职尽责"], retitled.Headings);
    }
}
