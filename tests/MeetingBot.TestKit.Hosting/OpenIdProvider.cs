using System.Text.Json;
using MeetingBot.TestKit.Node;

namespace MeetingBot.TestKit.Hosting;

/// <summary>
/// A real OpenID Connect provider for the web sign-in tests: the npm package oidc-provider under
/// Node.js on a free loopback port over plain HTTP (the bot accepts http authorities on loopback
/// only), with two users and a login page that checks their passwords. Its npm folder is
/// tests/MeetingBot.Web.Tests/oidc-provider (start.mjs); npm ci installs it there on first use.
/// The provider knows its client only once the bot runs, because its redirect URIs name the bot's
/// port: <see cref="RegisterAsync"/> tells it.
/// </summary>
public sealed class OpenIdProvider : IAsyncDisposable
{
    public const string ClientId = "meetingbot-web";
    public const string ClientSecret = "meetingbot-web-test-secret";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly NodeServer _server;

    private OpenIdProvider(NodeServer server) => _server = server;

    /// <summary>The test users: user name, password and the name the provider gives them.</summary>
    public static readonly (string UserName, string Password, string Name) ZhangMing = ("zhangming", "zhangming-password", "张明");

    public static readonly (string UserName, string Password, string Name) LiHua = ("lihua", "lihua-password", "李华");

    public static string Folder { get; } = Path.Combine(RepositoryPaths.Root, "tests", "MeetingBot.Web.Tests", "oidc-provider");

    /// <summary>The issuer, e.g. http://127.0.0.1:41234.</summary>
    public string Authority => $"http://127.0.0.1:{_server.Port}";

    /// <summary>The bot's sign-in settings for this provider.</summary>
    public string[] Settings =>
    [
        $"--WebChat:Authentication:Authority={Authority}",
        $"--WebChat:Authentication:ClientId={ClientId}",
        $"--WebChat:Authentication:ClientSecret={ClientSecret}",
    ];

    public static async Task<OpenIdProvider> StartAsync() =>
        new(await NodeServer.StartAsync(Folder, "start.mjs", "The web sign-in tests", StartTimeout));

    /// <summary>Registers the bot at <paramref name="bot"/> as the provider's client and waits until it serves.</summary>
    public async Task RegisterAsync(Uri bot)
    {
        var client = JsonSerializer.Serialize(new
        {
            clientId = ClientId,
            clientSecret = ClientSecret,
            redirectUri = new Uri(bot, "/signin-oidc").ToString(),
            postLogoutRedirectUri = new Uri(bot, "/signout-callback-oidc").ToString(),
        });
        await _server.WriteLineAsync(client);
        using var timeout = new CancellationTokenSource(StartTimeout);
        _ = await _server.ReadLineAsync("ready", timeout.Token)
            ?? throw new InvalidOperationException("The OpenID provider exited before it served: " + _server.Errors);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
