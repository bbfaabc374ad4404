using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using MeetingBot.Meetings.Storage;
using MeetingBot.TestKit;
using MeetingBot.TestKit.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ReminderRound;

// bench/ReminderRound: a secretary's 提醒 to a meeting of N members (1,000 unless told), on the real
// host and the embedded store, against a stand-in Connector that answers every 25th call 429 with
// Retry-After: 1 (see bench/README.md). Measured from the 提醒 reply to the secretary's summary, by
// this client's clock and, independently, by the stand-in's (first reminder in → summary in).
//   ReminderRound --members 1000 --out reminders.md
var members = args.SkipWhile(a => a != "--members").Skip(1).Select(int.Parse).FirstOrDefault(1000);
var output = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault("reminders.md");

await using var connector = await StandInConnector.StartAsync(throttleEvery: 25);
using var folder = new TempFolder();
await using var bot = await RunningBot.StartAsync([$"--Storage:Embedded:Path={folder.File("bot.db")}"]);
using var http = bot.CreateClient();
var meetingFile = folder.File("meeting.yaml");
await File.WriteAllTextAsync(meetingFile, MeetingFile(members));
await bot.Services.GetRequiredService<MeetingStore>().ImportAsync(MeetingContent.Reader.ReadYaml(meetingFile), CancellationToken.None);

// Every member has written once, so the bot knows each one's conversation; then the secretary asks.
await Parallel.ForEachAsync(Enumerable.Range(1, members), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) => await SayAsync($"u{i:D4}", "开始"));
await SayAsync("secretary", "进度");
var started = Stopwatch.GetTimestamp();
var reply = await SayAsync("secretary", "提醒");
if (!reply.Contains(members.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
{
    throw new InvalidOperationException("提醒 did not start a round for every member: " + reply);
}

var summary = await connector.SummaryAsync.WaitAsync(TimeSpan.FromMinutes(5));
var elapsed = Stopwatch.GetElapsedTime(started);
var reminded = connector.Reminders;
if (reminded.Count != members || reminded.Distinct().Count() != members || !summary.Contains($"送达{members}人", StringComparison.Ordinal))
{
    throw new InvalidOperationException($"Expected one reminder to each of {members} members, got {reminded.Count} to {reminded.Distinct().Count()}; summary: {summary}");
}

var markdown = new StringBuilder()
    .AppendLine("| members | 提醒 → summary (this client) | first reminder → summary (stand-in) | reminders/s | 429s answered (and retried) | duplicates |")
    .AppendLine("|---:|---:|---:|---:|---:|---:|")
    .AppendLine(CultureInfo.InvariantCulture, $"| {members:N0} | {elapsed.TotalSeconds:F1} s | {connector.Span.TotalSeconds:F1} s | {members / elapsed.TotalSeconds:N0} | {connector.Throttled} | {reminded.Count - reminded.Distinct().Count()} |")
    .ToString();
await File.WriteAllTextAsync(output, markdown);
Console.Write(markdown);

async Task<string> SayAsync(string user, string text)
{
    var activity = new Dictionary<string, object?>
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = "test",
        ["serviceUrl"] = connector.ServiceUrl,
        ["from"] = new { id = user, name = user },
        ["recipient"] = new { id = "bot", name = "MeetingBot" },
        ["conversation"] = new { id = "conversation-" + user },
        ["text"] = text,
        ["deliveryMode"] = "expectReplies",
        ["locale"] = "zh-CN",
    };
    using var response = await http.PostAsJsonAsync("/api/messages", activity);
    response.EnsureSuccessStatusCode();
    return await response.Content.ReadAsStringAsync();
}

static string MeetingFile(int members) => $"""
    meeting:
      kind: 年度
      title: 基准测试单位2099年度民主生活会
      unit: 基准测试单位党委
      date: 2099-12-20 09:00
      place: 会议室
      deadline: 2099-12-15 18:00
    secretaries:
      - name: 秘书
        accounts: [test:secretary]
    members:
    {string.Concat(Enumerable.Range(1, members).Select(i => $"  - name: 成员{i:D4}\n    accounts: [test:u{i:D4}]\n"))}
    reminders:
      quiet_hours: ""
    """;
