using MeetingBot.TestKit.Meetings;
using Xunit;

namespace MeetingBot.Conversations.Tests;

/// <summary>
/// The authorisation matrix of the secretary's commands, one test per cell: a member of the meeting,
/// a user on no roster and the secretary of another unit's meeting each run every command, and each
/// is refused or answered about their own meeting only, with nothing of the first meeting revealed.
/// The meeting's own secretary is answered (see <see cref="MeetingScenarioTests"/>). 进度 is also
/// every cadre's own progress, so for them it is no refusal but must name no one else.
/// </summary>
public sealed class MeetingAuthorizationTests(SubmittedMeeting meeting) : IClassFixture<SubmittedMeeting>
{
    private const string SecretaryOnly = "这项操作仅供本次会议的秘书使用。";

    public static TheoryData<string> Commands { get; } =
    [
        "汇总", "雷同检查", "整改清单", "导出", "邀请码", "查看材料 张晓红", "退回 张晓红 事例不够具体", "添加秘书 张晓红",
    ];

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task A_member_is_refused_every_secretary_command(string command)
    {
        var reply = await meeting.Chat.SayAsync(MeetingScenario.LiWeidong.Account, MeetingScenario.LiWeidong.Name, command);

        Assert.Equal(SecretaryOnly, reply.Text);
        Assert.Empty(reply.Files);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task A_user_on_no_roster_is_refused_every_secretary_command(string command)
    {
        var reply = await meeting.Chat.SayAsync("test:stranger", "孙丽", command);

        Assert.Equal(SecretaryOnly, reply.Text);
        Assert.Empty(reply.Files);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task The_secretary_of_another_meeting_learns_nothing_of_this_one(string command)
    {
        var reply = await meeting.Chat.SayAsync(SubmittedMeeting.OtherSecretary, "赵强", command);

        AssertRevealsNothing(command, reply);
    }

    [Theory]
    [InlineData("test:m-1", "李卫东")]
    [InlineData("test:stranger", "孙丽")]
    [InlineData(SubmittedMeeting.OtherSecretary, "赵强")]
    public async Task Progress_from_anyone_but_the_secretary_is_their_own_and_names_no_one_else(string account, string name)
    {
        var reply = await meeting.Chat.SayAsync(account, name, "进度");

        Assert.DoesNotContain("已提交 3/4 人", reply.Text, StringComparison.Ordinal);
        Assert.All(MeetingScenario.Members.Select(m => m.Name), other => Assert.DoesNotContain(other, reply.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_member_reading_their_own_material_is_answered_and_another_members_is_refused()
    {
        var own = await meeting.Chat.SayAsync(MeetingScenario.LiWeidong.Account, MeetingScenario.LiWeidong.Name, "查看草稿");
        var other = await meeting.Chat.SayAsync(MeetingScenario.LiWeidong.Account, MeetingScenario.LiWeidong.Name, "查看材料 张晓红");

        Assert.Contains(MeetingScenario.CopiedExample, own.Text, StringComparison.Ordinal);
        Assert.Equal(SecretaryOnly, other.Text);
    }

    /// <summary>Nothing of the scenario's meeting is in the reply but what the command itself said (a name typed is echoed back).</summary>
    private void AssertRevealsNothing(string command, ChatReply reply)
    {
        var secrets = MeetingScenario.Members.Select(m => m.Name).Concat([MeetingScenario.Title, meeting.InvitationCode, MeetingScenario.CopiedExample])
            .Where(secret => !command.Contains(secret, StringComparison.Ordinal));
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, reply.Text, StringComparison.Ordinal));
        // Nothing is submitted in their own meeting, so no file of theirs has anything to hold.
        Assert.Empty(reply.Files);
    }
}
