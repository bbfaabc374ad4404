using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MeetingBot.TestKit.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MeetingBot.Web.Tests;

/// <summary>
/// Stands in for the identity services on loopback, over HTTPS with a certificate made at start:
/// the Bot Framework's OpenID metadata and keys (with endorsements), the emulator's Azure AD
/// metadata, and an OAuth token endpoint for the bot's outbound client-credentials requests.
/// Keys are generated at run time; it signs the tokens a test sends to the bot.
/// </summary>
public sealed class StandInIdentityServer : IAsyncDisposable
{
    public const string ChannelIssuer = "https://api.botframework.com";
    public const string EmulatorIssuer = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/";
    public const string IssuedAccessToken = "stand-in-access-token";

    private static readonly string[] SigningAlgorithms = ["RS256"];

    private readonly WebApplication _app;

    private StandInIdentityServer(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        Certificate = certificate;
    }

    public RsaSecurityKey ChannelKey { get; } = NewKey("channel-key");

    public RsaSecurityKey EmulatorKey { get; } = NewKey("emulator-key");

    /// <summary>Keys published beside the channel key, as after a key rotation.</summary>
    public List<RsaSecurityKey> RotatedKeys { get; } = [];

    /// <summary>The channels the channel key is endorsed for.</summary>
    public string[] Endorsements { get; set; } = ["msteams", "webchat", "test"];

    public X509Certificate2 Certificate { get; }

    public string BaseUrl { get; private set; } = "";

    public string ChannelMetadataUrl => BaseUrl + "/v1/.well-known/openidconfiguration";

    public string EmulatorMetadataUrl => BaseUrl + "/common/v2.0/.well-known/openid-configuration";

    /// <summary>The authority the bot uses for its outbound tokens.</summary>
    public string LoginUrl => BaseUrl + "/botframework.com";

    /// <summary>Form fields of every token request received.</summary>
    public ConcurrentQueue<IReadOnlyDictionary<string, string>> TokenRequests { get; } = new();

    public static async Task<StandInIdentityServer> StartAsync()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);

        var builder = LoopbackServer.CreateStandInBuilder();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, o => o.UseHttps(certificate)));
        var app = builder.Build();
        var server = new StandInIdentityServer(app, certificate);
        server.Map(app);
        await app.StartAsync();
        server.BaseUrl = app.Address();
        return server;
    }

    /// <summary>A token as the Bot Framework channel service issues it; <paramref name="change"/> alters it for negative cases.</summary>
    public string ChannelToken(string appId, string serviceUrl, Action<SecurityTokenDescriptor>? change = null)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = ChannelIssuer,
            Audience = appId,
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            IssuedAt = DateTime.UtcNow.AddMinutes(-1),
            NotBefore = DateTime.UtcNow.AddMinutes(-1),
            Expires = DateTime.UtcNow.AddMinutes(30),
            SigningCredentials = new SigningCredentials(ChannelKey, SecurityAlgorithms.RsaSha256),
        };
        change?.Invoke(descriptor);
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>A token as Azure AD issues it to the Bot Framework Emulator (signed with the bot's own app registration).</summary>
    public string EmulatorToken(string appId, string version = "1.0")
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = EmulatorIssuer,
            Audience = appId,
            Claims = new Dictionary<string, object> { ["ver"] = version, [version == "2.0" ? "azp" : "appid"] = appId },
            Expires = DateTime.UtcNow.AddMinutes(30),
            SigningCredentials = new SigningCredentials(EmulatorKey, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>An HTTP handler that trusts this server's certificate and nothing else unusual.</summary>
    public HttpClientHandler TrustingHandler() => new()
    {
        ServerCertificateCustomValidationCallback = (_, cert, _, errors) =>
            errors == System.Net.Security.SslPolicyErrors.None || cert?.Thumbprint == Certificate.Thumbprint,
    };

    public static RsaSecurityKey NewKey(string kid) => new(RSA.Create(2048)) { KeyId = kid };

    private void Map(WebApplication app)
    {
        app.MapGet("/v1/.well-known/openidconfiguration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = ChannelIssuer,
            ["jwks_uri"] = BaseUrl + "/v1/.well-known/keys",
            ["id_token_signing_alg_values_supported"] = SigningAlgorithms,
        }));
        app.MapGet("/v1/.well-known/keys", () => Results.Json(new { keys = RotatedKeys.Prepend(ChannelKey).Select(k => Jwk(k, Endorsements)).ToArray() }));
        app.MapGet("/common/v2.0/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = "https://login.microsoftonline.com/{tenantid}/v2.0",
            ["jwks_uri"] = BaseUrl + "/common/discovery/v2.0/keys",
        }));
        app.MapGet("/common/discovery/v2.0/keys", () => Results.Json(new { keys = new[] { Jwk(EmulatorKey, null) } }));
        app.MapPost("/botframework.com/oauth2/v2.0/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            TokenRequests.Enqueue(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
            return Results.Json(new { token_type = "Bearer", expires_in = 3600, ext_expires_in = 3600, access_token = IssuedAccessToken });
        });
    }

    private static Dictionary<string, object> Jwk(RsaSecurityKey key, string[]? endorsements)
    {
        var parameters = key.Rsa.ExportParameters(false);
        var jwk = new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (endorsements is not null)
        {
            jwk["endorsements"] = endorsements;
        }

        return jwk;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Certificate.Dispose();
    }
}
