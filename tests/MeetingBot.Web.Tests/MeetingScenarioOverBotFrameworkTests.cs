using MeetingBot.TestKit;
using MeetingBot.TestKit.Cosmos;
using MeetingBot.TestKit.Hosting;
using MeetingBot.TestKit.Meetings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MeetingBot.Web.Tests;

/// <summary>
/// The scenario's meeting (<see cref="MeetingScenario"/>) over /api/messages with expectReplies, on
/// the running host: created by 创建会议 on the embedded store, and imported with
/// <c>meetings import</c> on the embedded store and on Cosmos DB (cosmosdb-server). Three members
/// submit and one stops half-way; the secretary's 进度, 汇总 and 整改清单 match golden files, the
/// workbook opens with a row per commitment, and 雷同检查 finds the copied paragraph.
/// </summary>
public sealed class MeetingScenarioOverBotFrameworkTests(CosmosDbServer cosmos) : IClassFixture<CosmosDbServer>, IDisposable
{
    private const string Secretary = "test:sec-1";
    // The views are those the pipeline's own scenario checks (a roster imported with posts and a
    // deadline at 18:00 has a golden file of its own).
    private static readonly string Golden = Path.Combine("tests", "MeetingBot.Conversations.Tests", "Golden", "meeting");
    private static readonly string ImportedProgress = Path.Combine("tests", "MeetingBot.Web.Tests", "Golden", "meeting", "imported.progress.txt");
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 9, 30, 0, TimeSpan.FromHours(8)));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_meeting_created_in_the_chat_gives_its_secretary_the_roster_the_team_draft_and_the_rectification_list()
    {
        await using var bot = await StartAsync(["--Meetings:Admins:0=" + MeetingScenario.Admin]);
        var chat = new BotFrameworkChat(bot.Http);

        var code = await MeetingScenario.CreateAsync(chat);
        await MeetingScenario.TakePartAsync(chat, code, onRoster: false);

        await AssertSecretaryViewsAsync(chat, MeetingScenario.Admin, imported: false);
    }

    [Fact]
    public async Task A_meeting_imported_from_its_file_gives_the_same_views_and_members_start_without_a_code()
    {
        var settings = new[] { $"--Storage:Embedded:Path={_folder.File("bot.db")}" };
        await ImportAsync(settings);
        await using var bot = await StartAsync(settings);
        var chat = new BotFrameworkChat(bot.Http);

        await MeetingScenario.TakePartAsync(chat, code: null, onRoster: true);

        await AssertSecretaryViewsAsync(chat, Secretary, imported: true);
    }

    [Fact]
    public async Task The_imported_meeting_works_the_same_on_cosmos_db()
    {
        var settings = cosmos.Arguments("meeting-scenario");
        await ImportAsync(settings);
        await using var bot = await StartAsync(settings);
        var chat = new BotFrameworkChat(bot.Http);

        await MeetingScenario.TakePartAsync(chat, code: null, onRoster: true);

        await AssertSecretaryViewsAsync(chat, Secretary, imported: true);
    }

    private static async Task AssertSecretaryViewsAsync(BotFrameworkChat chat, string secretary, bool imported)
    {
        var roster = await chat.SayAsync(secretary, MeetingScenario.SecretaryName, "进度");
        await GoldenFile.AssertMatchesAsync(imported ? ImportedProgress : Path.Combine(Golden, "progress.txt"), roster.Text);

        var summary = await chat.SayAsync(secretary, MeetingScenario.SecretaryName, "汇总");
        await GoldenFile.AssertMatchesAsync(Path.Combine(Golden, "summary.txt"), summary.Texts[0]);
        await GoldenFile.AssertMatchesAsync(Path.Combine(Golden, "summary.appendix.txt"), summary.Texts[^1]);
        Assert.EndsWith(".docx", Assert.Single(summary.Files).Name, StringComparison.Ordinal);

        var list = await chat.SayAsync(secretary, MeetingScenario.SecretaryName, "整改清单");
        await GoldenFile.AssertMatchesAsync(Path.Combine(Golden, "rectification.txt"), list.Texts[0]);
        MeetingScenario.RectificationRows(list);

        MeetingScenario.AssertSimilarityNamesTheCopy(await chat.SayAsync(secretary, MeetingScenario.SecretaryName, "雷同检查"));
    }

    private async Task ImportAsync(string[] settings)
    {
        var file = _folder.File("meeting.yaml");
        await File.WriteAllTextAsync(file, MeetingScenario.MeetingFile(Secretary));
        var (code, output, error) = await HostProcess.RunAsync(_folder.Path, ["meetings", "import", file, .. settings]);
        Assert.True(code == 0, error + cosmos.Errors);
        Assert.Matches("^\\{\"meetingId\":\"[^\"]+\",\"invitationCode\":\"[A-Z0-9]{6}\"\\}$", output.Trim().Split('\n')[^1]);
    }

    /// <summary>The bot on the given settings (a later setting wins, so a store named here is the one used), its clock standing still.</summary>
    private Task<RunningBot> StartAsync(string[] settings) =>
        RunningBot.StartAsync(settings, builder => builder.Services.AddSingleton<TimeProvider>(_time));
}
