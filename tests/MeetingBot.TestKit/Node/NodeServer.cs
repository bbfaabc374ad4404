using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace MeetingBot.TestKit.Node;

/// <summary>
/// A Node.js server that tests start: its npm folder (package.json, the committed package-lock.json
/// and the script) is installed with npm ci on first use, the script listens on a free loopback port
/// and prints "listening on port N", and it exits when its standard input closes, so it dies with
/// the test process however that ends. Disposing kills it.
/// </summary>
public sealed class NodeServer : IAsyncDisposable
{
    private const string ReadyLine = "listening on port ";
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    private readonly Process _process;
    private readonly StringBuilder _errors = new();

    private NodeServer(Process process)
    {
        _process = process;
        process.ErrorDataReceived += (_, e) =>
        {
            lock (_errors)
            {
                _errors.AppendLine(e.Data);
            }
        };
    }

    public int Port { get; private set; }

    /// <summary>What the server wrote to stderr so far.</summary>
    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    /// <summary>Installs the folder if needed, starts the script and waits for its port.</summary>
    /// <param name="needs">What to tell when Node.js is missing: which tests need it.</param>
    public static async Task<NodeServer> StartAsync(string folder, string script, string needs, TimeSpan timeout)
    {
        await Task.Run(() => EnsureInstalled(folder, needs));
        var process = new Process
        {
            StartInfo = new ProcessStartInfo("node", script)
            {
                WorkingDirectory = folder,
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
            },
        };
        StartOrExplain(process, needs);
        var server = new NodeServer(process);
        process.BeginErrorReadLine();
        try
        {
            using var cancel = new CancellationTokenSource(timeout);
            var ready = await server.ReadLineAsync(ReadyLine, cancel.Token)
                ?? throw new InvalidOperationException($"{script} exited before it listened (exit code {process.ExitCode}): {server.Errors}");
            server.Port = int.Parse(ready.AsSpan(ReadyLine.Length), CultureInfo.InvariantCulture);
            return server;
        }
        catch
        {
            // A server that fails to start is not always disposed by its fixture; it must not linger.
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Writes one line to the script's standard input.</summary>
    public async Task WriteLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Reads standard output up to the first line that starts with <paramref name="prefix"/>; null when the script ended first.</summary>
    public async Task<string?> ReadLineAsync(string prefix, CancellationToken cancellationToken)
    {
        while (await _process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line;
            }
        }

        await _process.WaitForExitAsync(cancellationToken);
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static void StartOrExplain(Process process, string needs)
    {
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{needs} need Node.js 20 or later (node and npm on PATH).", e);
        }
    }

    // dotnet test runs test assemblies in parallel, and two npm ci in one folder break each other,
    // so installing is serialised across processes by a named mutex per folder.
    private static void EnsureInstalled(string folder, string needs)
    {
        using var mutex = new Mutex(initiallyOwned: false, "MeetingBot.Tests.NpmCi." + Path.GetFileName(folder));
        try
        {
            if (!mutex.WaitOne(InstallTimeout))
            {
                throw new TimeoutException($"Another test process has been installing {folder} for too long.");
            }
        }
        catch (AbandonedMutexException)
        {
            // The previous owner died mid-install; this process owns the mutex now and installs again.
        }

        try
        {
            if (!IsInstalled(folder))
            {
                RunNpmCi(folder, needs);
            }
        }
        finally
        {
            mutex.ReleaseMutex();
        }
    }

    // npm ci writes node_modules/.package-lock.json last; an older one means the lock file changed since.
    private static bool IsInstalled(string folder)
    {
        var installed = new FileInfo(Path.Combine(folder, "node_modules", ".package-lock.json"));
        return installed.Exists && installed.LastWriteTimeUtc >= File.GetLastWriteTimeUtc(Path.Combine(folder, "package-lock.json"));
    }

    // npm's own output goes to the test log as it comes; nothing has to be read back.
    private static void RunNpmCi(string folder, string needs)
    {
        using var npm = new Process
        {
            StartInfo = new ProcessStartInfo("npm", "ci --no-audit --no-fund --loglevel=error") { WorkingDirectory = folder, UseShellExecute = false },
        };
        StartOrExplain(npm, needs);
        if (!npm.WaitForExit(InstallTimeout))
        {
            npm.Kill(entireProcessTree: true);
            throw new TimeoutException($"npm ci in {folder} took longer than {InstallTimeout}.");
        }

        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in {folder} failed with exit code {npm.ExitCode}; its output is above.");
        }
    }
}
