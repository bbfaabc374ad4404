using System.Text.Json;
using System.Text.Json.Serialization;
using MeetingBot.Channels.DirectLine;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using static MeetingBot.Web.SignIn.WebChatSignInServiceCollectionExtensions;

namespace MeetingBot.Web.SignIn;

/// <summary>What the page learns of its session: whether it signs in, and as whom.</summary>
public sealed record WebChatSession(bool SignIn, string? Name = null);

/// <summary>A Direct Line token of the signed-in user (docs/protocols.md D.1), with the user id Web Chat marks the user's own messages by.</summary>
public sealed record WebChatToken(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string UserId);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WebChatSession))]
[JsonSerializable(typeof(WebChatToken))]
[JsonSerializable(typeof(StoredKey))]
internal sealed partial class WebJsonContext : JsonSerializerContext;

/// <summary>
/// The page's own endpoints: GET /webchat/session (who is signed in, or that the page runs
/// without sign-in), and with sign-in GET /signin, POST /signout and POST /webchat/token (a Direct
/// Line token bound to the session). The cookie is read only here and by the page guard.
/// </summary>
public static class WebChatSignInEndpoints
{
    public const string SignedOutPage = "/signedout.html";

    /// <summary>Sends a visitor without a session to the provider before the page is served.</summary>
    public static IApplicationBuilder UseWebChatSignIn(this IApplicationBuilder app)
    {
        if (!app.ApplicationServices.GetRequiredService<IOptions<WebChatAuthenticationOptions>>().Value.Enabled)
        {
            return app;
        }

        app.UseAuthentication();
        return app.Use(async (context, next) =>
        {
            if (context.Request.Path.Value is "/" or "/index.html" && !(await context.AuthenticateAsync(CookieScheme)).Succeeded)
            {
                await context.ChallengeAsync(ProviderScheme, new AuthenticationProperties { RedirectUri = "/" });
                return;
            }

            await next(context);
        });
    }

    public static IEndpointRouteBuilder MapWebChatSignInEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var signIn = endpoints.ServiceProvider.GetRequiredService<IOptions<WebChatAuthenticationOptions>>().Value.Enabled;
        endpoints.MapGet("/webchat/session", signIn ? SessionAsync : AnonymousSession);
        if (!signIn)
        {
            return endpoints;
        }

        endpoints.MapGet("/signin", () => Results.Challenge(new AuthenticationProperties { RedirectUri = "/" }, [ProviderScheme]));
        endpoints.MapPost("/signout", SignOutAsync);
        endpoints.MapPost("/webchat/token", TokenAsync);
        return endpoints;
    }

    private static IResult AnonymousSession(HttpContext context) =>
        NoStore(context, Results.Json(new WebChatSession(SignIn: false), WebJsonContext.Default.WebChatSession));

    private static async Task<IResult> SessionAsync(HttpContext context) =>
        await SignedInAsync(context) is { } user
            ? NoStore(context, Results.Json(new WebChatSession(SignIn: true, user.Name), WebJsonContext.Default.WebChatSession))
            : Results.Unauthorized();

    private static async Task<IResult> TokenAsync(HttpContext context, DirectLineTokens tokens, CancellationToken cancellationToken)
    {
        if (await SignedInAsync(context) is not { } user)
        {
            return Results.Unauthorized();
        }

        var (token, identity) = await tokens.IssueAsync(user, cancellationToken);
        return NoStore(context, Results.Json(new WebChatToken(identity.ConversationId, token, tokens.LifetimeSeconds, user.UserId), WebJsonContext.Default.WebChatToken));
    }

    /// <summary>
    /// Closes the session in the store (its Direct Line tokens die on every instance), removes the
    /// cookie, and signs out at the provider too where it offers that (end_session_endpoint), so the
    /// next visitor of a shared PC is asked who they are; then the signed-out page.
    /// </summary>
    /// <remarks>A form post: the session cookie is SameSite=Lax, so another site cannot sign a user out.</remarks>
    private static async Task<IResult> SignOutAsync(
        HttpContext context, SignInSessions sessions, IOptionsMonitor<OpenIdConnectOptions> providers, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (await SignedInAsync(context) is not { SessionId: { } sessionId } user)
        {
            return Results.Redirect(SignedOutPage);
        }

        await sessions.CloseAsync(user.UserId, sessionId, cancellationToken);
        var logger = loggers.CreateLogger(typeof(WebChatSignInEndpoints).FullName!);
        Log.SessionClosed(logger);
        var signedOut = new AuthenticationProperties { RedirectUri = SignedOutPage };
        return await EndSessionEndpointAsync(providers.Get(ProviderScheme), logger, cancellationToken) is { Length: > 0 }
            ? Results.SignOut(signedOut, [ProviderScheme, CookieScheme])
            : Results.SignOut(signedOut, [CookieScheme]);
    }

    /// <summary>Where the provider signs out, if it offers that; the bot's own sign-out never waits on a provider that cannot be reached.</summary>
    private static async Task<string?> EndSessionEndpointAsync(OpenIdConnectOptions provider, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            return (await provider.ConfigurationManager!.GetConfigurationAsync(cancellationToken)).EndSessionEndpoint;
        }
        catch (InvalidOperationException e)
        {
            // What IdentityModel throws when the metadata cannot be fetched or read.
            Log.ProviderUnreachable(logger, e.GetType().Name);
            return null;
        }
    }

    /// <summary>The signed-in user of the request's cookie, while its session is open.</summary>
    private static async Task<DirectLineUser?> SignedInAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(CookieScheme);
        var principal = result.Succeeded ? result.Principal : null;
        return principal?.FindFirst(UserClaim)?.Value is { } userId && principal.FindFirst(SessionClaim)?.Value is { } sessionId
            ? new DirectLineUser(userId, principal.FindFirst(NameClaim)?.Value, sessionId, principal.FindFirst(AccountClaim)?.Value)
            : null;
    }

    /// <summary>Answers that carry who is signed in, or a token, are never cached.</summary>
    private static IResult NoStore(HttpContext context, IResult result)
    {
        context.Response.Headers.CacheControl = "no-store";
        return result;
    }
}
