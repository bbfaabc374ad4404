using System.Globalization;
using System.Text.Json;
using LoadDriver;

// bench/LoadDriver: the load driver of bench/run.sh (see bench/README.md).
//
//   run --bot ours|peer --run N --out results.jsonl [--port 0] [--users 32] [--warmup 30] [--duration 20]
//       [--bank bench/bench.yaml] [--cpu 0] [--dir .] [--pidfile FILE] [--levels 1,128] [--level-duration 10]
//       -- <server command and arguments>
//     starts the server (pinned with taskset -c CPU), measures cold start and load, then each of the
//     levels (numbers of users) for level-duration seconds, and appends a JSON line.
//     {port} in the server command is replaced by the port; port 0 picks a free one.
//   report --results results.jsonl [--cross crosscheck.jsonl]
//     prints the comparison table (Markdown); with --cross, also how the independent client's
//     figures (bench/CrossCheck) compare with this driver's.
const string usage = "usage: LoadDriver run --bot NAME --run N --out FILE [options] -- SERVER COMMAND… | LoadDriver report --results FILE";

switch (args)
{
    case ["run", .. var rest]:
        var split = Array.IndexOf(rest, "--");
        if (split < 0 || split == rest.Length - 1)
        {
            Console.Error.WriteLine(usage);
            return 2;
        }

        var options = Options(rest[..split]);
        var port = int.Parse(options.GetValueOrDefault("port", "0"), CultureInfo.InvariantCulture);
        port = port == 0 ? FreePort() : port;
        var settings = new RunSettings(
            Bot: Required(options, "bot"),
            Run: int.Parse(Required(options, "run"), CultureInfo.InvariantCulture),
            Users: int.Parse(options.GetValueOrDefault("users", "32"), CultureInfo.InvariantCulture),
            Warmup: TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("warmup", "30"), CultureInfo.InvariantCulture)),
            Duration: TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("duration", "20"), CultureInfo.InvariantCulture)),
            Port: port,
            Bank: options.GetValueOrDefault("bank", "bench/bench.yaml"),
            ServerCpu: options.GetValueOrDefault("cpu", "0"),
            WorkingDirectory: options.GetValueOrDefault("dir", Directory.GetCurrentDirectory()),
            Command: [.. rest[(split + 1)..].Select(a => a.Replace("{port}", port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))],
            PidFile: options.GetValueOrDefault("pidfile"),
            Levels: [.. options.GetValueOrDefault("levels", "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(l => int.Parse(l, CultureInfo.InvariantCulture))],
            LevelDuration: TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("level-duration", "10"), CultureInfo.InvariantCulture)));
        var result = await LoadRun.RunAsync(settings);
        await File.AppendAllTextAsync(Required(options, "out"), JsonSerializer.Serialize(result, DriverJsonContext.Default.RunResult) + "\n");
        var levels = string.Concat(result.Levels.Select(l => FormattableString.Invariant($"; {l.Users} users: {l.TurnsPerSecond:F0} turns/s, p99 {l.P99Ms:F2} ms")));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Bot} run {result.Run}: {result.TurnsPerSecond:F0} turns/s, p50 {result.P50Ms:F2} ms, p99 {result.P99Ms:F2} ms, max {result.MaxMs:F1} ms, {result.Errors} errors, peak RSS {result.PeakRssMb:F0} MB, cold start {result.ColdStartMs:F0} ms, first 10 s {result.EarlyTurnsPerSecond:F0} turns/s{levels}"));
        return 0;

    case ["report", .. var rest]:
        var reportOptions = Options(rest);
        Console.Write(Report.Comparison(Required(reportOptions, "results"), reportOptions.GetValueOrDefault("cross")));
        return 0;

    default:
        Console.Error.WriteLine(usage);
        return 2;
}

static Dictionary<string, string> Options(string[] args)
{
    var options = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 0; i + 1 < args.Length; i += 2)
    {
        options[args[i].TrimStart('-')] = args[i + 1];
    }

    return options;
}

// A port the kernel just handed out and released; the server binds it a moment later.
static int FreePort()
{
    using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
    listener.Start();
    return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
}

static string Required(Dictionary<string, string> options, string name) =>
    options.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required");
