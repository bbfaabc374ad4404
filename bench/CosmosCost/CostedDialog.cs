using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MeetingBot.Storage.Cosmos;
using MeetingBot.TestKit.Cosmos;
using MeetingBot.TestKit.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CosmosCost;

/// <summary>One Cosmos DB call as the store accounted for it.</summary>
public sealed record CosmosCall(string Operation, int Status, double Charge)
{
    public bool IsWrite => Operation is "create" or "replace" or "upsert" or "delete";
}

/// <summary>
/// A conversation run from its first message to 提交 over POST /api/messages on the real host with
/// Storage:Provider=Cosmos, counting the store's calls turn by turn from its request charge
/// histogram (only this host's meter: the listener is scoped to the host's IMeterFactory).
/// </summary>
public sealed record CostedDialog(string Name, string[] Settings, string[] Messages)
{
    private const string SubmittedMarker = "已提交";

    public async Task<DialogCost> MeasureAsync(CosmosDbServer cosmos)
    {
        var database = "cost" + Guid.NewGuid().ToString("N")[..8];
        await using var bot = await RunningBot.StartAsync([.. cosmos.Arguments(database), .. Settings]);
        var calls = new List<CosmosCall>();
        using var listener = Listen(bot.Services.GetRequiredService<IMeterFactory>(), calls);

        var turns = new List<CosmosCall[]>();
        var replies = "";
        for (var i = 0; i < Messages.Length; i++)
        {
            var before = Snapshot(calls).Length;
            replies = await ExchangeAsync(bot.Http, Messages[i], $"m{i}");
            turns.Add(Snapshot(calls)[before..]);
        }

        return replies.Contains(SubmittedMarker, StringComparison.Ordinal)
            ? new DialogCost(Name, turns)
            : throw new InvalidOperationException($"{Name}: the last reply is not the submission: {replies}");
    }

    private static async Task<string> ExchangeAsync(HttpClient http, string text, string id)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = id,
            ["channelId"] = "emulator",
            ["serviceUrl"] = "http://127.0.0.1:9/",
            ["from"] = new JsonObject { ["id"] = "user-cost", ["name"] = "张明" },
            ["recipient"] = new JsonObject { ["id"] = "bot" },
            ["conversation"] = new JsonObject { ["id"] = "cost" },
            ["text"] = text,
            ["locale"] = "zh-CN",
            ["deliveryMode"] = "expectReplies",
        };
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return string.Join("\n", body.RootElement.GetProperty("activities").EnumerateArray()
            .Select(a => a.TryGetProperty("text", out var t) ? t.GetString() : null).OfType<string>());
    }

    private static CosmosCall[] Snapshot(List<CosmosCall> calls)
    {
        lock (calls)
        {
            return [.. calls];
        }
    }

    private static MeterListener Listen(IMeterFactory factory, List<CosmosCall> calls)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == factory && instrument.Name == CosmosRequestCharges.InstrumentName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, charge, tags, _) =>
        {
            string operation = "";
            var status = 0;
            foreach (var tag in tags)
            {
                switch (tag.Key)
                {
                    case "operation":
                        operation = (string?)tag.Value ?? "";
                        break;
                    case "status_code":
                        status = Convert.ToInt32(tag.Value, CultureInfo.InvariantCulture);
                        break;
                }
            }

            lock (calls)
            {
                calls.Add(new CosmosCall(operation, status, charge));
            }
        });
        listener.Start();
        return listener;
    }
}

/// <summary>The calls of every turn of one dialog, and the table row they make.</summary>
public sealed record DialogCost(string Name, IReadOnlyList<CosmosCall[]> Turns)
{
    public static string Markdown(IReadOnlyList<DialogCost> costs)
    {
        var text = new StringBuilder();
        text.AppendLine("| conversation | turns | Cosmos DB calls | by operation | calls per turn (mean / max) | nominal RU (total / per turn) | target: ≤ 1 read and ≤ 1 write per turn |");
        text.AppendLine("|---|---:|---:|---|---:|---:|---|");
        foreach (var cost in costs)
        {
            var all = cost.Turns.SelectMany(t => t).ToArray();
            var operations = string.Join(", ", all.GroupBy(c => c.Status is 404 or 409 or 412 ? $"{c.Operation} ({c.Status})" : c.Operation)
                .OrderByDescending(g => g.Count()).Select(g => $"{g.Count()} {g.Key}"));
            var over = cost.Turns.Where(t => t.Count(c => c.Operation == "read") > 1 || t.Count(c => c.IsWrite) > 1).ToArray();
            var target = over.Length == 0
                ? "met"
                : $"**missed** on {over.Length} of {cost.Turns.Count} turns: " + string.Join("; ", over.Select(t => string.Join(" + ", t.Select(c => c.Operation))).Distinct());
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {cost.Name} | {cost.Turns.Count} | {all.Length} | {operations} | {all.Length / (double)cost.Turns.Count:F2} / {cost.Turns.Max(t => t.Length)} | {all.Sum(c => c.Charge):F0} / {all.Sum(c => c.Charge) / cost.Turns.Count:F2} | {target} |"));
        }

        return text.ToString();
    }
}
