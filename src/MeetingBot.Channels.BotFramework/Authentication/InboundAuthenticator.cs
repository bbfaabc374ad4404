using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace MeetingBot.Channels.BotFramework.Authentication;

/// <summary>
/// Validates the bearer token a channel sends with every activity (docs/protocols.md C.1, C.2): the
/// signature against the issuer's published keys, issuer, audience, lifetime with five minutes of
/// skew, the serviceurl claim, and the signing key's endorsement for the channel. Emulator tokens,
/// issued by Azure AD with the bot's own credentials, are told apart by their issuer.
/// </summary>
public sealed class InboundAuthenticator : IDisposable
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private static readonly string[] EmulatorTenants =
    [
        "d6d49420-f39b-4df7-a1dc-d59a935871db", "f8cdef31-a31e-4b4a-93e4-5f571e91255a", "cab8a31a-1906-4287-a0d8-4eef66b95f6e",
        "a55a4d5b-9241-49b1-b4ff-befa8db00269",
    ];

    private readonly BotFrameworkAuthOptions _options;
    private readonly SigningKeySource _channelKeys;
    private readonly SigningKeySource _emulatorKeys;
    private readonly HashSet<string> _emulatorIssuers;
    private JsonWebTokenHandler? _handler;

    public InboundAuthenticator(IOptions<BotFrameworkAuthOptions> options, IHttpClientFactory httpClients, TimeProvider time)
    {
        _options = options.Value;
        var http = httpClients.CreateClient(nameof(InboundAuthenticator));
        _channelKeys = new SigningKeySource(_options.ToBotFromChannelOpenIdMetadataUrl, http, time);
        _emulatorKeys = new SigningKeySource(_options.ToBotFromEmulatorOpenIdMetadataUrl, http, time);
        _emulatorIssuers = EmulatorIssuers(_options.MicrosoftAppTenantId).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Every activity must carry a valid token (see <see cref="BotFrameworkAuthOptions.AnonymousAllowed"/>).</summary>
    public bool Required => !_options.AnonymousAllowed;

    /// <summary>Checks the Authorization header for an activity; returns null when it is acceptable, else why not.</summary>
    public Task<string?> ValidateAsync(string? authorization, Activity activity, CancellationToken cancellationToken)
    {
        if (Required && _options.AuthenticationDisabled)
        {
            return Task.FromResult<string?>($"no MicrosoftAppId is configured, and activities without a token are accepted only in development ({BotFrameworkAuthOptions.DevelopmentBypassKey})");
        }

        if (string.IsNullOrEmpty(authorization))
        {
            return Task.FromResult(Required ? "no Authorization header" : null);
        }

        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return Task.FromResult<string?>("the Authorization scheme is not Bearer");
        }

        if (!Required)
        {
            return Task.FromResult<string?>("a token was sent but no MicrosoftAppId is configured to validate it");
        }

        return ValidateTokenAsync(authorization["Bearer ".Length..].Trim(), activity, cancellationToken);
    }

    // Made on first use, like everything else of IdentityModel here: a bot without a MicrosoftAppId
    // never loads those assemblies, which keeps them out of its cold start.
    private JsonWebTokenHandler Handler => _handler ??= new();

    private async Task<string?> ValidateTokenAsync(string token, Activity activity, CancellationToken cancellationToken)
    {
        JsonWebToken unverified;
        try
        {
            unverified = Handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return "the token is not a JWT";
        }

        return IsEmulatorIssuer(unverified.Issuer)
            ? await ValidateEmulatorAsync(token, cancellationToken)
            : await ValidateChannelAsync(token, activity, cancellationToken);
    }

    private async Task<string?> ValidateChannelAsync(string token, Activity activity, CancellationToken cancellationToken)
    {
        var (result, configuration) = await ValidateSignedAsync(token, _channelKeys, [_options.ToBotFromChannelTokenIssuer], cancellationToken);
        if (!result.IsValid)
        {
            return Describe(result.Exception);
        }

        var serviceUrl = result.Claims.TryGetValue("serviceurl", out var claim) ? claim as string : null;
        if (serviceUrl is null || !string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return "the serviceurl claim does not match the activity's serviceUrl";
        }

        var kid = ((JsonWebToken)result.SecurityToken).Kid;
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == kid);
        if (!string.IsNullOrEmpty(activity.ChannelId) && !Endorsements(key).Contains(activity.ChannelId, StringComparer.Ordinal))
        {
            return $"the signing key is not endorsed for channel {activity.ChannelId}";
        }

        return null;
    }

    private async Task<string?> ValidateEmulatorAsync(string token, CancellationToken cancellationToken)
    {
        var (result, _) = await ValidateSignedAsync(token, _emulatorKeys, _emulatorIssuers, cancellationToken);
        if (!result.IsValid)
        {
            return Describe(result.Exception);
        }

        // The app id claim depends on the token version (docs/protocols.md C.2).
        var version = result.Claims.TryGetValue("ver", out var v) ? v as string : null;
        var appIdClaim = version switch
        {
            null or "1.0" => "appid",
            "2.0" => "azp",
            _ => null,
        };
        if (appIdClaim is null)
        {
            return $"unknown token version {version}";
        }

        var appId = result.Claims.TryGetValue(appIdClaim, out var a) ? a as string : null;
        return appId == _options.MicrosoftAppId ? null : $"the {appIdClaim} claim is not this bot's app id";
    }

    private async Task<(TokenValidationResult Result, OpenIdConnectConfiguration Configuration)> ValidateSignedAsync(
        string token, SigningKeySource keys, IEnumerable<string> issuers, CancellationToken cancellationToken)
    {
        var configuration = await keys.GetAsync(cancellationToken);
        var result = await Handler.ValidateTokenAsync(token, Parameters(configuration, issuers));
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // Keys rotate: an unknown kid asks for fresh keys once before the token is refused.
            configuration = await keys.RefreshAsync(cancellationToken);
            result = await Handler.ValidateTokenAsync(token, Parameters(configuration, issuers));
        }

        return (result, configuration);
    }

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration configuration, IEnumerable<string> issuers) => new()
    {
        ValidIssuers = issuers,
        ValidAudience = _options.MicrosoftAppId,
        IssuerSigningKeys = configuration.SigningKeys,
        ValidAlgorithms = Algorithms,
        ClockSkew = ClockSkew,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        TryAllIssuerSigningKeys = false,
    };

    /// <summary>The Azure AD issuers the Emulator's tokens come from, public and sovereign clouds, plus the bot's own tenant.</summary>
    private static IEnumerable<string> EmulatorIssuers(string ownTenant)
    {
        var tenants = EmulatorTenants.AsEnumerable();
        if (ownTenant is { Length: > 0 } tenant)
        {
            tenants = tenants.Append(tenant);
        }

        return tenants.SelectMany(t => new[]
        {
            $"https://sts.windows.net/{t}/", $"https://login.microsoftonline.com/{t}/v2.0",
            $"https://login.microsoftonline.us/{t}/", $"https://login.microsoftonline.us/{t}/v2.0",
            $"https://sts.chinacloudapi.cn/{t}/", $"https://login.partner.microsoftonline.cn/{t}/v2.0",
        });
    }

    private bool IsEmulatorIssuer(string issuer) => issuer != _options.ToBotFromChannelTokenIssuer && _emulatorIssuers.Contains(issuer);

    /// <summary>The channels a signing key is endorsed for: an extra "endorsements" array in the JWKS (C.1 step 4).</summary>
    private static IEnumerable<string> Endorsements(JsonWebKey? key) =>
        key?.AdditionalData.TryGetValue("endorsements", out var value) == true
            ? value switch
            {
                JsonElement { ValueKind: JsonValueKind.Array } list => list.EnumerateArray().Select(e => e.GetString() ?? ""),
                IEnumerable<object> items => items.Select(i => i?.ToString() ?? ""),
                _ => [],
            }
            : [];

    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenNotYetValidException => "the token is not valid yet",
        SecurityTokenInvalidIssuerException => "the token's issuer is not accepted",
        SecurityTokenInvalidAudienceException => "the token is for another app id",
        SecurityTokenSignatureKeyNotFoundException => "the token's signing key is unknown",
        SecurityTokenInvalidSignatureException => "the token's signature is invalid",
        SecurityTokenInvalidAlgorithmException => "the token's algorithm is not accepted",
        null => "the token is invalid",
        _ => "the token is invalid: " + exception.GetType().Name,
    };

    public void Dispose()
    {
        _channelKeys.Dispose();
        _emulatorKeys.Dispose();
    }
}
