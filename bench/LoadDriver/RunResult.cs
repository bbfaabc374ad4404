using System.Text.Json;
using System.Text.Json.Serialization;

namespace LoadDriver;

/// <summary>One run against one bot, written as one JSON line by `run` and read back by `report`.</summary>
public sealed record RunResult
{
    public required string Bot { get; init; }

    public int Run { get; init; }

    public int Users { get; init; }

    public double WarmupSeconds { get; init; }

    public double DurationSeconds { get; init; }

    /// <summary>Process start to the first successful turn.</summary>
    public double ColdStartMs { get; init; }

    /// <summary>Successful turns that started and ended inside the measured window.</summary>
    public long Turns { get; init; }

    public double TurnsPerSecond { get; init; }

    public double P50Ms { get; init; }

    public double P90Ms { get; init; }

    public double P99Ms { get; init; }

    public double MaxMs { get; init; }

    /// <summary>Successful turns per second in the first 10 s after the first reply (LoadRun.EarlyWindow), warm-up or not.</summary>
    public double EarlyTurnsPerSecond { get; init; }

    /// <summary>The further numbers of users, each measured after the main window.</summary>
    public IReadOnlyList<LevelResult> Levels { get; init; } = [];

    /// <summary>Failed turns (wrong reply, HTTP error, timeout) over warm-up and window.</summary>
    public long Errors { get; init; }

    /// <summary>Conversations run from the first message to the submission.</summary>
    public long Conversations { get; init; }

    /// <summary>VmHWM of the server process at the end of the run.</summary>
    public double PeakRssMb { get; init; }

    /// <summary>RssAnon of the server after the measured window: its private memory, without the mapped code images.</summary>
    public double AnonymousRssMb { get; init; }

    public double ServerCpuPercent { get; init; }

    /// <summary>Server CPU time (user and system) inside the window, per counted turn.</summary>
    public double ServerCpuMsPerTurn { get; init; }

    /// <summary>The part of it spent in the kernel: sockets, and for ours the file writes and fsyncs.</summary>
    public double ServerSystemCpuMsPerTurn { get; init; }

    public double DriverCpuPercent { get; init; }

    public string? FirstError { get; init; }
}

/// <summary>One number of users measured on its own, after the main window: the server is warm by then.</summary>
public sealed record LevelResult(int Users, double TurnsPerSecond, double P50Ms, double P99Ms, long Errors);

/// <summary>A run of the independent client (bench/CrossCheck/driver.mjs), one JSON line per bot.</summary>
public sealed record CrossCheckResult
{
    public required string Bot { get; init; }

    public int Users { get; init; }

    public double TurnsPerSecond { get; init; }

    public double P50Ms { get; init; }

    public double P99Ms { get; init; }

    public long Errors { get; init; }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(RunResult))]
[JsonSerializable(typeof(CrossCheckResult))]
public sealed partial class DriverJsonContext : JsonSerializerContext;
