using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace MeetingBot.Channels.BotFramework.Authentication;

/// <summary>
/// Tokens for the bot's calls to the Connector (docs/protocols.md C.3), by MSAL: client credentials for
/// MultiTenant and SingleTenant apps, the managed identity for UserAssignedMSI. MSAL caches each
/// token and renews it before it expires. Without an app id no token is sent.
/// </summary>
public sealed class ConnectorTokenProvider
{
    private readonly BotFrameworkAuthOptions _options;
    private readonly Lazy<Func<CancellationToken, Task<string>>> _acquire;

    public ConnectorTokenProvider(IOptions<BotFrameworkAuthOptions> options, IMsalHttpClientFactory? httpClientFactory = null)
    {
        _options = options.Value;
        _acquire = new(() => CreateAcquirer(httpClientFactory));
    }

    /// <summary>The bearer token, or null when authentication is disabled.</summary>
    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken) =>
        _options.AuthenticationDisabled ? null : await _acquire.Value(cancellationToken);

    private Func<CancellationToken, Task<string>> CreateAcquirer(IMsalHttpClientFactory? httpClientFactory)
    {
        var scope = _options.ToChannelFromBotOAuthScope.TrimEnd('/');
        if (_options.AppType == BotAppType.UserAssignedMsi)
        {
            var builder = ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(_options.MicrosoftAppId));
            if (httpClientFactory is not null)
            {
                builder = builder.WithHttpClientFactory(httpClientFactory);
            }

            var identity = builder.Build();
            return async ct => (await identity.AcquireTokenForManagedIdentity(scope).ExecuteAsync(ct)).AccessToken;
        }

        var app = ConfidentialClientApplicationBuilder.Create(_options.MicrosoftAppId)
            .WithClientSecret(_options.MicrosoftAppPassword)
            .WithAuthority(_options.LoginAuthority, validateAuthority: false)
            .WithInstanceDiscovery(false);
        if (httpClientFactory is not null)
        {
            app = app.WithHttpClientFactory(httpClientFactory);
        }

        var client = app.Build();
        string[] scopes = [scope + "/.default"];
        return async ct => (await client.AcquireTokenForClient(scopes).ExecuteAsync(ct)).AccessToken;
    }
}
