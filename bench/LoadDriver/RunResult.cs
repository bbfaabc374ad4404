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

    /// <summary>Failed turns (wrong reply, HTTP error, timeout) over warm-up and window.</summary>
    public long Errors { get; init; }

    /// <summary>Conversations run from the first message to the submission.</summary>
    public long Conversations { get; init; }

    /// <summary>VmHWM of the server process at the end of the run.</summary>
    public double PeakRssMb { get; init; }

    public double ServerCpuPercent { get; init; }

    /// <summary>Server CPU time (user and system) inside the window, per counted turn.</summary>
    public double ServerCpuMsPerTurn { get; init; }

    /// <summary>The part of it spent in the kernel: sockets, and for ours the file writes and fsyncs.</summary>
    public double ServerSystemCpuMsPerTurn { get; init; }

    public double DriverCpuPercent { get; init; }

    public string? FirstError { get; init; }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(RunResult))]
public sealed partial class DriverJsonContext : JsonSerializerContext;
