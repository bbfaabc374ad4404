using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LoadDriver;

/// <summary>
/// The comparison table from the runs' JSON lines: medians per bot, and our/their ratio as the
/// median of the per-run ratios (ours in run i against the peer in run i, run back to back), with
/// the issue's targets checked. Markdown, so the README can show it as printed.
/// </summary>
public static class Report
{
    public const string Ours = "ours";
    public const string Peer = "peer";

    public static string Comparison(string resultsFile, string? crossCheckFile = null)
    {
        var runs = Lines(resultsFile, DriverJsonContext.Default.RunResult);
        var ours = runs.Where(r => r.Bot == Ours).OrderBy(r => r.Run).ToArray();
        var peer = runs.Where(r => r.Bot == Peer).OrderBy(r => r.Run).ToArray();
        if (ours.Length == 0 || peer.Length == 0)
        {
            throw new InvalidDataException($"{resultsFile} needs runs of both '{Ours}' and '{Peer}'.");
        }

        var pairs = ours.Join(peer, o => o.Run, p => p.Run, (o, p) => (Ours: o, Peer: p)).ToArray();
        var first = ours[0];
        var text = new StringBuilder();
        text.AppendLine(Invariant($"{first.Users} simulated users, each with its own conversations of 22 turns (open, 20 answers, 提交), {first.WarmupSeconds:0} s warm-up then {first.DurationSeconds:0} s measured{LevelsText(first)}; {ours.Length} runs per bot, alternating, server on core 0 and driver on core 1 (taskset). Medians of the runs; ours/peer is the median of the per-run ratios."));
        text.AppendLine();
        text.AppendLine("| | MeetingBot | Bot Framework SDK peer | ours/peer | target |");
        text.AppendLine("|---|---:|---:|---:|---|");
        text.AppendLine("| runs as | .NET, Release publish, self-contained, composite ReadyToRun | Node.js, botbuilder 4.23.3, NODE_ENV=production | | |");
        text.AppendLine("| state kept in | embedded SQLite, every answer fsynced before the reply | MemoryStorage: process memory, lost on exit | | |");
        Row(text, "turns/s", "F0", r => r.TurnsPerSecond, pairs, ours, peer, (o, ratio) => Check(ratio >= 3, "≥ 3× the peer"));
        Row(text, "turns/s in the first 10 s after the first reply", "F0", r => r.EarlyTurnsPerSecond, pairs, ours, peer, (o, ratio) => Check(ratio >= 2, "≥ 2× the peer"));
        Row(text, "latency p50 (ms)", "F2", r => r.P50Ms, pairs, ours, peer);
        Row(text, "latency p90 (ms)", "F2", r => r.P90Ms, pairs, ours, peer);
        Row(text, "latency p99 (ms)", "F2", r => r.P99Ms, pairs, ours, peer, (o, _) => Check(o <= 15, "≤ 15 ms"));
        Row(text, "latency max (ms)", "F1", r => r.MaxMs, pairs, ours, peer);
        text.AppendLine(Invariant($"| errors (all runs and levels, warm-up included) | {Errors(ours)} | {Errors(peer)} | | {Check(Errors(ours) == 0, "0")} |"));
        Row(text, "peak RSS (MB)", "F0", r => r.PeakRssMb, pairs, ours, peer, (o, _) => Check(o <= 150, "≤ 150 MB"));
        Row(text, "… of it private (anonymous) after the window (MB)", "F0", r => r.AnonymousRssMb, pairs, ours, peer);
        Row(text, "cold start: process start to first reply (ms)", "F0", r => r.ColdStartMs, pairs, ours, peer, (o, _) => Check(o <= 500, "≤ 500 ms"));
        foreach (var users in first.Levels.Select(l => l.Users))
        {
            Row(text, Invariant($"{users} users: turns/s"), "F0", r => Level(r, users).TurnsPerSecond, pairs, ours, peer);
            Row(text, Invariant($"{users} users: latency p99 (ms)"), "F2", r => Level(r, users).P99Ms, pairs, ours, peer);
        }

        Row(text, "server CPU per turn (ms)", "F3", r => r.ServerCpuMsPerTurn, pairs, ours, peer);
        Row(text, "… of which in the kernel (ms)", "F3", r => r.ServerSystemCpuMsPerTurn, pairs, ours, peer);
        Row(text, "server core busy (%)", "F0", r => r.ServerCpuPercent, pairs, ours, peer);
        Row(text, "driver core busy (%)", "F0", r => r.DriverCpuPercent, pairs, ours, peer);
        text.AppendLine(Invariant($"| conversations completed (all runs) | {ours.Sum(r => r.Conversations)} | {peer.Sum(r => r.Conversations)} | | |"));
        text.AppendLine();
        text.AppendLine("Runs in the order they ran:");
        text.AppendLine();
        text.AppendLine("| run | bot | turns/s | p50 ms | p99 ms | max ms | errors | peak RSS MB | cold start ms |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (o, p) in pairs)
        {
            foreach (var r in new[] { o, p })
            {
                text.AppendLine(Invariant($"| {r.Run} | {r.Bot} | {r.TurnsPerSecond:F0} | {r.P50Ms:F2} | {r.P99Ms:F2} | {r.MaxMs:F1} | {r.Errors} | {r.PeakRssMb:F0} | {r.ColdStartMs:F0} |"));
            }
        }

        if (crossCheckFile is not null)
        {
            CrossCheck(text, Lines(crossCheckFile, DriverJsonContext.Default.CrossCheckResult), ours, peer);
        }

        foreach (var failed in runs.Where(r => r.FirstError is not null))
        {
            text.AppendLine();
            text.AppendLine(Invariant($"First error of {failed.Bot} run {failed.Run}: {failed.FirstError}"));
        }

        return text.ToString();
    }

    /// <summary>
    /// The independent client's run of each bot beside this driver's median: if the two differ by
    /// more than the runs of this driver differ among themselves, the driver is measuring itself.
    /// </summary>
    private static void CrossCheck(StringBuilder text, CrossCheckResult[] cross, RunResult[] ours, RunResult[] peer)
    {
        text.AppendLine();
        text.AppendLine("The same measurement by a second, independent client (bench/CrossCheck: Node.js, its own HTTP stack; one run per bot, same users, warm-up and window):");
        text.AppendLine();
        text.AppendLine("| bot | turns/s: this driver, median (range) | turns/s: independent client | difference | p99 ms: this driver / independent |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var (name, driven) in new[] { (Ours, ours), (Peer, peer) })
        {
            foreach (var other in cross.Where(c => c.Bot == name))
            {
                var median = Median(driven.Select(r => r.TurnsPerSecond));
                text.AppendLine(Invariant(
                    $"| {name} | {median:F0} ({driven.Min(r => r.TurnsPerSecond):F0}–{driven.Max(r => r.TurnsPerSecond):F0}) | {other.TurnsPerSecond:F0} | {100 * ((other.TurnsPerSecond / median) - 1):+0;-0}% | {Median(driven.Select(r => r.P99Ms)):F1} / {other.P99Ms:F1} |"));
            }
        }
    }

    private static T[] Lines<T>(string file, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        [.. File.ReadLines(file).Where(line => line.Length > 0).Select(line => JsonSerializer.Deserialize(line, type)!)];

    private static string LevelsText(RunResult run) => run.Levels.Count == 0 ? ""
        : Invariant($", then {string.Join(" and ", run.Levels.Select(l => l.Users))} users for {run.Levels.Count} further windows of their own");

    private static LevelResult Level(RunResult run, int users) =>
        run.Levels.FirstOrDefault(l => l.Users == users) ?? new LevelResult(users, double.NaN, double.NaN, double.NaN, 0);

    private static long Errors(RunResult[] runs) => runs.Sum(r => r.Errors + r.Levels.Sum(l => l.Errors));

    private static void Row(
        StringBuilder text,
        string name,
        string format,
        Func<RunResult, double> value,
        (RunResult Ours, RunResult Peer)[] pairs,
        RunResult[] ours,
        RunResult[] peer,
        Func<double, double, string>? target = null)
    {
        var o = Median(ours.Select(value));
        var p = Median(peer.Select(value));
        var ratio = Median(pairs.Select(pair => value(pair.Peer) == 0 ? double.NaN : value(pair.Ours) / value(pair.Peer)));
        var shown = double.IsNaN(ratio) ? "" : Invariant($"{ratio:F2}×");
        text.AppendLine(Invariant($"| {name} | {o.ToString(format, CultureInfo.InvariantCulture)} | {p.ToString(format, CultureInfo.InvariantCulture)} | {shown} | {target?.Invoke(o, ratio) ?? ""} |"));
    }

    private static string Check(bool met, string target) => met ? $"{target}: met" : $"{target}: **missed**";

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
