using System.Diagnostics;
using System.Text.Json;

namespace LoadDriver;

/// <summary>What one `run` does; see Program.cs for the command line.</summary>
public sealed record RunSettings(
    string Bot,
    int Run,
    int Users,
    TimeSpan Warmup,
    TimeSpan Duration,
    int Port,
    string Bank,
    string ServerCpu,
    string WorkingDirectory,
    IReadOnlyList<string> Command,
    string? PidFile,
    IReadOnlyList<int> Levels,
    TimeSpan LevelDuration);

/// <summary>
/// One measured run against one bot: start the server pinned to its core, time the first
/// successful turn (cold start), then let the simulated users run complete conversations for
/// the warm-up and the measured window (counting, too, what they got done in the first seconds
/// after the first reply), read the server's peak RSS, and then measure each further number of
/// users (the levels) for a shorter window before stopping it.
/// </summary>
public static class LoadRun
{
    private static readonly TimeSpan ColdStartLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(2);

    /// <summary>The window right after a start, in which a restarted bot serves its users before the JIT has tiered up.</summary>
    public static readonly TimeSpan EarlyWindow = TimeSpan.FromSeconds(10);

    // Before a level is measured its users run this long, so that the queue has settled to their number.
    private static readonly TimeSpan LevelSettle = TimeSpan.FromSeconds(2);

    public static async Task<RunResult> RunAsync(RunSettings settings)
    {
        var dialog = BenchDialog.Load(settings.Bank);
        using var client = new BotClient(new Uri($"http://127.0.0.1:{settings.Port}/"), settings.Levels.Append(settings.Users).Max() + 1);
        await WarmUpDriverAsync(client, dialog);

        var sinceStart = Stopwatch.StartNew();
        using var server = ServerProcess.Start(settings.Command, settings.ServerCpu, settings.WorkingDirectory);
        if (settings.PidFile is { } pidFile)
        {
            // For bench/run.sh, which stops the server should the driver itself be killed.
            await File.WriteAllTextAsync(pidFile, server.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var coldStart = await FirstTurnAsync(client, dialog, server, sinceStart);

        var window = new MeasuredWindow(settings.Warmup, settings.Duration);
        var sampling = window.SampleAsync(server);
        var users = await UsersAsync(client, dialog, settings, "main", settings.Users, window);
        var (serverUser, serverSystem, driverCpu) = await sampling;
        var serverCpu = serverUser + serverSystem;
        var (peakRss, anonymousRss) = (server.PeakRssMegabytes(), server.AnonymousRssMegabytes());

        var levels = new List<LevelResult>();
        foreach (var count in settings.Levels)
        {
            var level = await UsersAsync(client, dialog, settings, $"l{count}", count, new MeasuredWindow(LevelSettle, settings.LevelDuration));
            var sorted = level.SelectMany(u => u.Latencies).Order().ToArray();
            levels.Add(new LevelResult(count, level.Sum(u => u.Turns) / settings.LevelDuration.TotalSeconds, Percentile(sorted, 0.50), Percentile(sorted, 0.99), level.Sum(u => u.Errors)));
        }

        var latencies = users.SelectMany(u => u.Latencies).Order().ToArray();
        var turns = users.Sum(u => u.Turns);
        return new RunResult
        {
            Bot = settings.Bot,
            Run = settings.Run,
            Users = settings.Users,
            WarmupSeconds = settings.Warmup.TotalSeconds,
            DurationSeconds = settings.Duration.TotalSeconds,
            ColdStartMs = coldStart.TotalMilliseconds,
            Turns = turns,
            TurnsPerSecond = turns / settings.Duration.TotalSeconds,
            P50Ms = Percentile(latencies, 0.50),
            P90Ms = Percentile(latencies, 0.90),
            P99Ms = Percentile(latencies, 0.99),
            MaxMs = latencies.Length == 0 ? 0 : latencies[^1],
            EarlyTurnsPerSecond = users.Sum(u => u.EarlyTurns) / EarlyWindow.TotalSeconds,
            Levels = levels,
            Errors = users.Sum(u => u.Errors),
            Conversations = users.Sum(u => u.Conversations),
            PeakRssMb = peakRss,
            AnonymousRssMb = anonymousRss,
            ServerCpuPercent = 100 * serverCpu.TotalSeconds / settings.Duration.TotalSeconds,
            ServerCpuMsPerTurn = turns == 0 ? 0 : serverCpu.TotalMilliseconds / turns,
            ServerSystemCpuMsPerTurn = turns == 0 ? 0 : serverSystem.TotalMilliseconds / turns,
            DriverCpuPercent = 100 * driverCpu.TotalSeconds / settings.Duration.TotalSeconds,
            FirstError = users.Select(u => u.FirstError).FirstOrDefault(e => e is not null),
        };
    }

    /// <summary>
    /// The driver's own first request and JSON parsing are JIT-compiled here, against the port no
    /// server listens on yet (refused at once), so that they are not counted in the server's cold start.
    /// </summary>
    private static async Task WarmUpDriverAsync(BotClient client, BenchDialog dialog)
    {
        try
        {
            await client.ExchangeAsync("driver-warm-up", "w", 0, dialog.Script(0, 0)[0], CancellationToken.None);
        }
        catch (HttpRequestException)
        {
        }

        using var sample = JsonDocument.Parse("""{"activities":[{"type":"message","text":"x"}]}""");
        _ = sample.RootElement.GetProperty("activities").EnumerateArray().Count();
    }

    /// <summary>From process start to the first reply that asks the first question; refused connections are retried every 2 ms.</summary>
    private static async Task<TimeSpan> FirstTurnAsync(BotClient client, BenchDialog dialog, ServerProcess server, Stopwatch sinceStart)
    {
        var first = dialog.Script(0, 0)[0];
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var outcome = await client.ExchangeAsync("cold-start", $"cold-start-{attempt}", 0, first, CancellationToken.None);
                return outcome.Ok ? sinceStart.Elapsed : throw new InvalidOperationException($"The first turn failed: {outcome.Problem}");
            }
            catch (HttpRequestException) when (!server.HasExited && sinceStart.Elapsed < ColdStartLimit)
            {
                await Task.Delay(ProbeInterval);
            }
            catch (HttpRequestException e)
            {
                throw new InvalidOperationException($"The server did not answer within {ColdStartLimit.TotalSeconds} s or exited. Its last output:\n{server.Output}", e);
            }
        }
    }

    private static Task<UserStats[]> UsersAsync(BotClient client, BenchDialog dialog, RunSettings settings, string phase, int count, MeasuredWindow window) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(u => Task.Run(() => UserAsync(client, dialog, $"{settings.Bot}-{settings.Run}-{phase}", u, window))));

    private static async Task<UserStats> UserAsync(BotClient client, BenchDialog dialog, string prefix, int user, MeasuredWindow window)
    {
        var stats = new UserStats();
        for (var conversation = 0; !window.IsOver(Stopwatch.GetTimestamp()); conversation++)
        {
            var id = $"{prefix}-u{user}-c{conversation}";
            var script = dialog.Script(user, conversation);
            var completed = true;
            for (var turn = 0; turn < script.Count && completed; turn++)
            {
                var started = Stopwatch.GetTimestamp();
                if (window.IsOver(started))
                {
                    completed = false;
                    break;
                }

                TurnOutcome outcome;
                try
                {
                    outcome = await client.ExchangeAsync(id, $"{id}-t{turn}", user, script[turn], CancellationToken.None);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
                {
                    outcome = new TurnOutcome(false, $"{e.GetType().Name}: {e.Message}");
                }

                var ended = Stopwatch.GetTimestamp();
                if (window.Contains(started, ended))
                {
                    stats.Latencies.Add(Stopwatch.GetElapsedTime(started, ended).TotalMilliseconds);
                    stats.Turns += outcome.Ok ? 1 : 0;
                }

                stats.EarlyTurns += outcome.Ok && window.IsEarly(ended) ? 1 : 0;

                // Every failed turn is an error, in the warm-up too; the conversation is abandoned.
                if (!outcome.Ok)
                {
                    stats.Errors++;
                    stats.FirstError ??= outcome.Problem;
                    completed = false;
                }
            }

            stats.Conversations += completed ? 1 : 0;
        }

        return stats;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private sealed class UserStats
    {
        public List<double> Latencies { get; } = new(8192);

        public long Turns { get; set; }

        /// <summary>Successful turns that ended within <see cref="EarlyWindow"/> of the users' start.</summary>
        public long EarlyTurns { get; set; }

        public long Errors { get; set; }

        public long Conversations { get; set; }

        public string? FirstError { get; set; }
    }

    /// <summary>
    /// The warm-up, then the measured window; a turn counts when it starts and ends inside the
    /// window. Separately, the early window: the first <see cref="EarlyWindow"/> from its creation.
    /// </summary>
    private sealed class MeasuredWindow(TimeSpan warmup, TimeSpan duration)
    {
        private readonly long _earlyEnd = Stopwatch.GetTimestamp() + (long)(EarlyWindow.TotalSeconds * Stopwatch.Frequency);
        private readonly long _start = Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        private readonly long _end = Stopwatch.GetTimestamp() + (long)((warmup + duration).TotalSeconds * Stopwatch.Frequency);

        public bool IsOver(long timestamp) => timestamp >= _end;

        public bool Contains(long started, long ended) => started >= _start && ended <= _end;

        public bool IsEarly(long ended) => ended <= _earlyEnd;

        /// <summary>Server (user, system) and driver CPU time spent inside the window.</summary>
        public async Task<(TimeSpan ServerUser, TimeSpan ServerSystem, TimeSpan Driver)> SampleAsync(ServerProcess server)
        {
            using var driver = Process.GetCurrentProcess();
            await Task.Delay(Until(_start));
            var (serverBefore, driverBefore) = (server.CpuTime(), driver.TotalProcessorTime);
            await Task.Delay(Until(_end));
            driver.Refresh();
            var serverAfter = server.CpuTime();
            return (serverAfter.User - serverBefore.User, serverAfter.System - serverBefore.System, driver.TotalProcessorTime - driverBefore);
        }

        private static TimeSpan Until(long timestamp) =>
            TimeSpan.FromSeconds(Math.Max(0, timestamp - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency);
    }
}
