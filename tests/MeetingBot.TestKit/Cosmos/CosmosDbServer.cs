using System.Text;
using MeetingBot.TestKit.Node;
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

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private NodeServer? _server;

    /// <summary>The npm folder the server is installed in.</summary>
    public static string Folder { get; } = Path.Combine(RepositoryPaths.Root, "tests", "MeetingBot.Storage.Cosmos.Tests", "cosmosdb-server");

    /// <summary>e.g. http://127.0.0.1:41234/</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>What the server wrote to stderr so far; it logs the requests it failed on there.</summary>
    public string Errors => _server?.Errors ?? "";

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
        _server = await NodeServer.StartAsync(Folder, "start.js", "The Cosmos DB tests", StartTimeout);
        Endpoint = new Uri($"http://127.0.0.1:{_server.Port}/");
        try
        {
            using var timeout = new CancellationTokenSource(StartTimeout);
            await WaitUntilAnsweringAsync(timeout.Token);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }
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
}
