using System.Diagnostics;
using System.Globalization;

namespace LoadDriver;

/// <summary>
/// A bot server started by the driver, pinned to one core with taskset (which execs the server,
/// so the process id is the server's), and read through /proc: peak resident set and CPU time.
/// Its output is kept, bounded, to explain an early exit.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private const int KeptLines = 40;

    private readonly Process _process;
    private readonly Queue<string> _output = new();

    private ServerProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    public static ServerProcess Start(IReadOnlyList<string> command, string? cpu, string workingDirectory)
    {
        // A path such as bench/out/meetingbot/MeetingBot.Web means the caller's directory, not the server's.
        var program = command[0].Contains('/', StringComparison.Ordinal) ? Path.GetFullPath(command[0]) : command[0];
        var start = new ProcessStartInfo(cpu is null ? program : "taskset")
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (cpu is not null)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(cpu);
            start.ArgumentList.Add(program);
        }

        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        var server = new ServerProcess(new Process { StartInfo = start });
        server._process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        server._process.Start();
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        return server;
    }

    /// <summary>VmHWM: the most resident memory the process has had since it started, in MB.</summary>
    public double PeakRssMegabytes() => StatusKilobytes("VmHWM:") / 1024.0;

    /// <summary>
    /// RssAnon: the resident memory now that is the process's own (heap, stacks), in MB. The rest of
    /// the resident set is file pages (the mapped code images), clean, shared and reclaimable.
    /// </summary>
    public double AnonymousRssMegabytes() => StatusKilobytes("RssAnon:") / 1024.0;

    /// <summary>User and system (kernel) CPU time so far, from /proc/PID/stat (fields 14 and 15, in clock ticks).</summary>
    public (TimeSpan User, TimeSpan System) CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{Id}/stat");
        // The command name (field 2) may hold spaces; the fields after it start past its ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (Ticks(fields[11]), Ticks(fields[12]));
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    // USER_HZ is 100 on every Linux configuration that matters here (x86-64 and arm64 kernels).
    private const int ClockTicksPerSecond = 100;

    private static TimeSpan Ticks(string field) =>
        TimeSpan.FromSeconds(long.Parse(field, CultureInfo.InvariantCulture) / (double)ClockTicksPerSecond);

    private long StatusKilobytes(string field)
    {
        foreach (var line in File.ReadLines($"/proc/{Id}/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"/proc/{Id}/status has no {field}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            if (_output.Count > KeptLines)
            {
                _output.Dequeue();
            }
        }
    }
}
