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

/// <summary>One item a call read or wrote, with its size (a batch has one per operation).</summary>
public sealed record CosmosItem(string Operation, long Bytes);

/// <summary>What one turn cost: its calls, and the items they moved.</summary>
public sealed record TurnCost(CosmosCall[] Calls, CosmosItem[] Items)
{
    /// <summary>The turn's request units on a real account, estimated from its items (<see cref="RequestUnitModel"/>).</summary>
    public double EstimatedRequestUnits =>
        Items.Sum(RequestUnitModel.Estimate) + (Calls.Count(c => c.Operation == "read" && c.Status == 404) * RequestUnitModel.PointRead(0));
}

/// <summary>
/// A conversation run from its first message to 提交 over POST /api/messages on the real host with
/// Storage:Provider=Cosmos, counting the store's calls turn by turn from its request charge
/// histogram and the sizes of the items they moved (only this host's meter: the listener is scoped
/// to the host's IMeterFactory). The reminder scheduler is off: its look at the meetings is no turn's.
/// </summary>
public sealed record CostedDialog(string Name, string[] Settings, string[] Messages)
{
    private const string SubmittedMarker = "已提交";

    public async Task<DialogCost> MeasureAsync(CosmosDbServer cosmos)
    {
        var database = "cost" + Guid.NewGuid().ToString("N")[..8];
        await using var bot = await RunningBot.StartAsync([.. cosmos.Arguments(database), "--Reminders:Enabled=false", .. Settings]);
        var calls = new List<CosmosCall>();
        var items = new List<CosmosItem>();
        using var listener = Listen(bot.Services.GetRequiredService<IMeterFactory>(), calls, items);

        var turns = new List<TurnCost>();
        var replies = "";
        for (var i = 0; i < Messages.Length; i++)
        {
            var (callsBefore, itemsBefore) = (Snapshot(calls).Length, Snapshot(items).Length);
            replies = await ExchangeAsync(bot.Http, Messages[i], $"m{i}");
            turns.Add(new TurnCost(Snapshot(calls)[callsBefore..], Snapshot(items)[itemsBefore..]));
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

    private static T[] Snapshot<T>(List<T> measured)
    {
        lock (measured)
        {
            return [.. measured];
        }
    }

    private static MeterListener Listen(IMeterFactory factory, List<CosmosCall> calls, List<CosmosItem> items)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == factory && instrument.Name is CosmosRequestCharges.InstrumentName or CosmosRequestCharges.ItemSizeInstrumentName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, charge, tags, _) =>
        {
            var call = new CosmosCall(Tag(tags, "operation") as string ?? "", Convert.ToInt32(Tag(tags, "status_code"), CultureInfo.InvariantCulture), charge);
            lock (calls)
            {
                calls.Add(call);
            }
        });
        listener.SetMeasurementEventCallback<long>((_, bytes, tags, _) =>
        {
            lock (items)
            {
                items.Add(new CosmosItem(Tag(tags, "operation") as string ?? "", bytes));
            }
        });
        listener.Start();
        return listener;
    }

    private static object? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == key)
            {
                return tag.Value;
            }
        }

        return null;
    }
}

/// <summary>The calls of every turn of one dialog, and the table rows they make.</summary>
public sealed record DialogCost(string Name, IReadOnlyList<TurnCost> Turns)
{
    private const double TargetRequestUnitsPerTurn = 8;

    public static string Markdown(IReadOnlyList<DialogCost> costs)
    {
        var text = new StringBuilder();
        text.AppendLine("| conversation | turns | Cosmos DB calls | by operation | calls per turn (mean / max) | nominal RU (total / per turn) | target: ≤ 1 read and ≤ 1 write per turn |");
        text.AppendLine("|---|---:|---:|---|---:|---:|---|");
        foreach (var cost in costs)
        {
            var all = cost.Turns.SelectMany(t => t.Calls).ToArray();
            var operations = string.Join(", ", all.GroupBy(c => c.Status is 404 or 409 or 412 ? $"{c.Operation} ({c.Status})" : c.Operation)
                .OrderByDescending(g => g.Count()).Select(g => $"{g.Count()} {g.Key}"));
            var over = cost.Turns.Where(t => t.Calls.Count(c => c.Operation == "read") > 1 || t.Calls.Count(c => c.IsWrite) > 1).ToArray();
            var target = over.Length == 0
                ? "met"
                : $"**missed** on {over.Length} of {cost.Turns.Count} turns: " + string.Join("; ", over.Select(t => string.Join(" + ", t.Calls.Select(c => c.Operation))).Distinct());
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {cost.Name} | {cost.Turns.Count} | {all.Length} | {operations} | {all.Length / (double)cost.Turns.Count:F2} / {cost.Turns.Max(t => t.Calls.Length)} | {all.Sum(c => c.Charge):F0} / {all.Sum(c => c.Charge) / cost.Turns.Count:F2} | {target} |"));
        }

        text.AppendLine();
        text.AppendLine($"Request units on a real account, estimated from the items each turn read and wrote ({RequestUnitModel.Method}):");
        text.AppendLine();
        text.AppendLine("| conversation | items read: mean / largest (KB) | items written: mean / largest (KB) | estimated RU per turn: mean / largest | estimated RU per self-check | target: ≤ 8 RU per turn (mean) |");
        text.AppendLine("|---|---:|---:|---:|---:|---|");
        foreach (var cost in costs)
        {
            var items = cost.Turns.SelectMany(t => t.Items).ToArray();
            var read = items.Where(i => !RequestUnitModel.IsWrite(i)).Select(i => i.Bytes / 1024.0).DefaultIfEmpty().ToArray();
            var written = items.Where(RequestUnitModel.IsWrite).Select(i => i.Bytes / 1024.0).DefaultIfEmpty().ToArray();
            var perTurn = cost.Turns.Select(t => t.EstimatedRequestUnits).ToArray();
            var mean = perTurn.Average();
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {cost.Name} | {read.Average():F1} / {read.Max():F1} | {written.Average():F1} / {written.Max():F1} | {mean:F1} / {perTurn.Max():F1} | {perTurn.Sum():F0} | {(mean <= TargetRequestUnitsPerTurn ? "met" : "**missed**")} |"));
        }

        return text.ToString();
    }
}
