using System.Globalization;
using System.Text;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using MicroBenchmarks;

// bench/MicroBenchmarks: the parts of a turn under BenchmarkDotNet (see bench/README.md).
//   MicroBenchmarks --out micro.md [--artifacts DIR] [--filter '*Word*']
// In process (no generated project to build, which keeps bench/run.sh within its time), a short
// job: BenchmarkDotNet's own warm-up until stable, then 15 iterations of 250 ms each, a median to read.
var options = args.Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0].TrimStart('-'), p => p[1], StringComparer.Ordinal);
var output = options.GetValueOrDefault("out", "micro.md");
var config = ManualConfig.CreateEmpty()
    .AddJob(Job.Default
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithIterationCount(15)
        .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(250)))
    .AddColumnProvider(DefaultColumnProviders.Instance)
    .AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default)
    .AddLogger(ConsoleLogger.Default)
    .WithArtifactsPath(options.GetValueOrDefault("artifacts", Path.Combine(Path.GetTempPath(), "meetingbot-micro")))
    .WithOptions(ConfigOptions.DisableLogFile);
if (options.TryGetValue("filter", out var filter))
{
    // BenchmarkDotNet's glob over Namespace.Type.Method, e.g. '*Word*' for MicroBenchmarks.TurnParts.ExportWord.
    config = config.AddFilter(new BenchmarkDotNet.Filters.GlobFilter([filter]));
}

var summary = BenchmarkRunner.Run<TurnParts>(config);
await File.WriteAllTextAsync(output, MicroTable.Markdown(summary));
Console.Write(await File.ReadAllTextAsync(output));
return summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success) ? 1 : 0;

/// <summary>The benchmarks as a Markdown table with the targets for draft rendering, the Word export and the meetings aggregation.</summary>
internal static class MicroTable
{
    public static string Markdown(Summary summary)
    {
        var text = new StringBuilder();
        text.AppendLine("| operation | median | allocated | target |");
        text.AppendLine("|---|---:|---:|---|");
        foreach (var report in summary.Reports)
        {
            var name = report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\'');
            var median = report.ResultStatistics?.Median ?? double.NaN;
            var bytes = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0;
            var target = report.BenchmarkCase.Descriptor.WorkloadMethod.Name switch
            {
                nameof(TurnParts.RenderDraft) => Target(median, 1_000_000, "≤ 1 ms median"),
                nameof(TurnParts.ExportWord) => Target(median, 100_000_000, "≤ 100 ms median"),
                nameof(TurnParts.AggregateMeeting) => Target(median, 50_000_000, "≤ 50 ms median"),
                _ => "",
            };
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {Duration(median)} | {Size(bytes)} | {target} |"));
        }

        return text.ToString();
    }

    private static string Target(double median, double nanoseconds, string target) =>
        median <= nanoseconds ? target + ": met" : target + ": **missed**";

    private static string Duration(double nanoseconds) => nanoseconds switch
    {
        double.NaN => "failed",
        < 1_000 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds:F0} ns"),
        < 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1_000:F1} µs"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1_000_000:F2} ms"),
    };

    private static string Size(long bytes) =>
        bytes < 1024 ? string.Create(CultureInfo.InvariantCulture, $"{bytes} B") : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:F1} KB");
}
