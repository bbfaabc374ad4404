using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit;

namespace MeetingBot.TestKit.Cosmos;

/// <summary>
/// A Cosmos DB compatible server for tests: @vercel/cosmosdb-server (npm) under Node.js, on a free
/// loopback port over plain HTTP, so clients use Gateway mode with LimitToEndpoint and no
/// certificate has to be trusted. Its npm folder (package.json, package-lock.json, start.js) is
/// tests/MeetingBot.Storage.Cosmos.Tests/cosmosdb-server; npm ci installs it there on first use.
/// As an xunit fixture it starts before the tests and is killed after them; if it cannot start,
/// the tests fail: they never skip.
/// </summary>
public sealed class CosmosDbServer : IAsyncLifetime
{
    /// <summary>Any base64 text does: the server checks no signatures, the SDK insists on the format.</summary>
    public static readonly string Key = Convert.ToBase64String(Encoding.UTF8.GetBytes("cosmosdb-server checks no key"));

    private const string ReadyLine = "listening on port ";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    private readonly StringBuilder _errors = new();
    private Process? _process;

    /// <summary>The npm folder the server is installed in.</summary>
    public static string Folder { get; } = Path.Combine(RepositoryPaths.Root, "tests", "MeetingBot.Storage.Cosmos.Tests", "cosmosdb-server");

    /// <summary>e.g. http://127.0.0.1:41234/</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>What the server wrote to stderr so far; it logs the requests it failed on there.</summary>
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

    /// <summary>The bot's configuration for a store on this server, in a database of its own.</summary>
    public Dictionary<string, string?> Settings(string database) => new()
    {
        ["Storage:Provider"] = "Cosmos",
        ["Storage:Cosmos:Endpoint"] = Endpoint.ToString(),
        ["Storage:Cosmos:Key"] = Key,
        ["Storage:Cosmos:Database"] = database,
        ["Storage:Cosmos:Container"] = "documents",
        ["Storage:Cosmos:CreateIfNotExists"] = "true",
        ["Storage:Cosmos:ConnectionMode"] = "Gateway",
        ["Storage:Cosmos:LimitToEndpoint"] = "true",
    };

    /// <summary>The same settings as command-line arguments for the host.</summary>
    public string[] Arguments(string database) => Settings(database).Select(s => $"--{s.Key}={s.Value}").ToArray();

    public async Task InitializeAsync()
    {
        await Task.Run(EnsureInstalled);
        var process = new Process
        {
            StartInfo = new ProcessStartInfo("node", "start.js")
            {
                WorkingDirectory = Folder,
                UseShellExecute = false,
                // start.js exits when its stdin closes, so the server dies with this process.
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            },
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (_errors)
            {
                _errors.AppendLine(e.Data);
            }
        };

        StartOrExplain(process);
        _process = process;
        process.BeginErrorReadLine();
        try
        {
            using var timeout = new CancellationTokenSource(StartTimeout);
            var port = await ReadPortAsync(process, timeout.Token)
                ?? throw new InvalidOperationException($"cosmosdb-server exited before it listened (exit code {process.ExitCode}): {Errors}");
            Endpoint = new Uri($"http://127.0.0.1:{port}/");
            await WaitUntilAnsweringAsync(timeout.Token);
        }
        catch
        {
            // A fixture that fails to start is not always disposed; the server must not linger.
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _process = null;
    }

    private static void StartOrExplain(Process process)
    {
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("The Cosmos DB tests need Node.js 20 or later (node and npm on PATH).", e);
        }
    }

    private static async Task<int?> ReadPortAsync(Process process, CancellationToken cancellationToken)
    {
        while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith(ReadyLine, StringComparison.Ordinal))
            {
                return int.Parse(line.AsSpan(ReadyLine.Length), CultureInfo.InvariantCulture);
            }
        }

        await process.WaitForExitAsync(cancellationToken);
        return null;
    }

    // The ready line is printed once the socket listens; one answered request proves the handler
    // runs too. Polls rather than sleeping a fixed time.
    private async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Endpoint };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (attempt < 50)
            {
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt), cancellationToken);
        }
    }

    // dotnet test runs test assemblies in parallel, and two npm ci in one folder break each other,
    // so installing is serialised across processes by a named mutex.
    private static void EnsureInstalled()
    {
        using var mutex = new Mutex(initiallyOwned: false, "MeetingBot.Tests.CosmosDbServer.Install");
        try
        {
            if (!mutex.WaitOne(InstallTimeout))
            {
                throw new TimeoutException("Another test process has been installing cosmosdb-server for too long.");
            }
        }
        catch (AbandonedMutexException)
        {
            // The previous owner died mid-install; this process owns the mutex now and installs again.
        }

        try
        {
            if (!IsInstalled())
            {
                RunNpmCi();
            }
        }
        finally
        {
            mutex.ReleaseMutex();
        }
    }

    // npm ci writes node_modules/.package-lock.json last; an older one means the lock file changed since.
    private static bool IsInstalled()
    {
        var installed = new FileInfo(Path.Combine(Folder, "node_modules", ".package-lock.json"));
        return installed.Exists && installed.LastWriteTimeUtc >= File.GetLastWriteTimeUtc(Path.Combine(Folder, "package-lock.json"));
    }

    // npm's own output goes to the test log as it comes; nothing has to be read back.
    private static void RunNpmCi()
    {
        using var npm = new Process
        {
            StartInfo = new ProcessStartInfo("npm", "ci --no-audit --no-fund --loglevel=error") { WorkingDirectory = Folder, UseShellExecute = false },
        };
        StartOrExplain(npm);
        if (!npm.WaitForExit(InstallTimeout))
        {
            npm.Kill(entireProcessTree: true);
            throw new TimeoutException($"npm ci in {Folder} took longer than {InstallTimeout}.");
        }

        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in {Folder} failed with exit code {npm.ExitCode}; its output is above.");
        }
    }
}
