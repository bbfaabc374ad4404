using MeetingBot.TestKit.Conversations;
using MeetingBot.TestKit.Meetings;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MeetingBot.Conversations.Tests;

/// <summary>
/// The scenario's meeting (<see cref="MeetingScenario"/>) created by 创建会议 on the real pipeline and
/// store, with three members' material submitted and one half done; and a second meeting of another
/// unit whose secretary is <see cref="OtherSecretary"/>. The clock stands still, so times in the
/// secretary's views are those of the golden files.
/// </summary>
public sealed class SubmittedMeeting : IAsyncLifetime
{
    public const string OtherSecretary = "test:admin-2";

    public static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 30, 0, TimeSpan.FromHours(8));

    public SubmittedMeeting()
    {
        Bot = new ConversationDriver(time: Time, settings: new Dictionary<string, string?>
        {
            ["Meetings:Admins:0"] = MeetingScenario.Admin,
            ["Meetings:Admins:1"] = OtherSecretary,
        });
        Chat = new PipelineChat(Bot);
    }

    public FakeTimeProvider Time { get; } = new(Now);

    public ConversationDriver Bot { get; }

    public PipelineChat Chat { get; }

    public string InvitationCode { get; private set; } = "";

    public Task<ChatReply> SecretaryAsync(string text) => Chat.SayAsync(MeetingScenario.Admin, MeetingScenario.SecretaryName, text);

    public async Task InitializeAsync()
    {
        InvitationCode = await MeetingScenario.CreateAsync(Chat);
        await MeetingScenario.TakePartAsync(Chat, InvitationCode, onRoster: false);

        foreach (var answer in new[] { "创建会议", "1", "2026年度民主生活会", "青山县交通运输局党组", "12月28日", "局机关会议室", "12月25日", "1" })
        {
            await Chat.SayAsync(OtherSecretary, "赵强", answer);
        }
    }

    public Task DisposeAsync()
    {
        Bot.Dispose();
        return Task.CompletedTask;
    }
}
