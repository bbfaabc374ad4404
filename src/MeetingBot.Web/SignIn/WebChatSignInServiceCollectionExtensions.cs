using System.Security.Claims;
using MeetingBot.Channels.DirectLine;
using MeetingBot.Meetings;
using MeetingBot.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace MeetingBot.Web.SignIn;

public static class WebChatSignInServiceCollectionExtensions
{
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string ProviderScheme = OpenIdConnectDefaults.AuthenticationScheme;

    /// <summary>The Direct Line user id of the signed-in user (from issuer and subject), in the session cookie.</summary>
    public const string UserClaim = "meetingbot:user";

    /// <summary>The account rosters name the signed-in user by: <c>web:&lt;subject&gt;</c> (README, "Meetings").</summary>
    public const string AccountClaim = "meetingbot:account";

    public const string WebAccountChannel = "web";

    // Longer subjects are no id an administrator would write into a roster.
    private const int MaxSubjectLength = 256;

    /// <summary>The id of the sign-in session, whose Direct Line tokens die with it.</summary>
    public const string SessionClaim = "meetingbot:session";

    public const string NameClaim = "name";

    // The longest name kept from the provider; the bot itself keeps only what fits its name question.
    private const int MaxNameLength = 64;

    /// <summary>
    /// Registers the page's sign-in from <see cref="WebChatAuthenticationOptions"/>, checked now: a
    /// half-set configuration stops the start naming the setting, and so does a page without sign-in
    /// outside the Development environment unless the development bypass is set. Returns who may get
    /// Direct Line tokens.
    /// </summary>
    public static DirectLineAccess AddWebChatSignIn(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(WebChatAuthenticationOptions.Section).Get<WebChatAuthenticationOptions>() ?? new WebChatAuthenticationOptions();
        var problems = options.Problems().ToArray();
        if (problems.Length > 0)
        {
            throw new InvalidOperationException(string.Join(" ", problems));
        }

        services.AddSingleton(Options.Create(options));
        services.AddHostedService<SignInModeReport>();
        var pageServed = configuration.GetValue("DirectLine:Enabled", true);
        if (!options.Enabled)
        {
            if (pageServed && !environment.IsDevelopment() && !options.DevelopmentOnlyAllowAnonymous)
            {
                throw new InvalidOperationException(
                    $"The Web Chat page has no sign-in outside the Development environment: set {WebChatAuthenticationOptions.Section}:Authority, ClientId and ClientSecret, "
                    + $"or DirectLine:Enabled=false; on a developer machine {WebChatAuthenticationOptions.DevelopmentBypassKey}=true.");
            }

            return DirectLineAccess.AnonymousPage;
        }

        services.AddDataProtection().SetApplicationName("MeetingBot");
        services.AddOptions<KeyManagementOptions>().Configure<IDocumentStore>((keys, store) => keys.XmlRepository = new StoredKeyRing(store));
        services.AddAuthentication(o =>
            {
                // No default authenticate scheme: only the page and its sign-in endpoints read the
                // cookie (and look up its session); Direct Line and /api/messages never do.
                o.DefaultSignInScheme = CookieScheme;
                o.DefaultChallengeScheme = ProviderScheme;
            })
            .AddCookie(CookieScheme, cookie =>
            {
                cookie.Cookie.Name = "meetingbot.session";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.ExpireTimeSpan = options.SessionLifetime;
                cookie.SlidingExpiration = false;
                cookie.Events.OnValidatePrincipal = ValidateSessionAsync;
            })
            .AddOpenIdConnect(ProviderScheme, oidc =>
            {
                oidc.Authority = options.Authority;
                oidc.RequireHttpsMetadata = options.Authority.StartsWith("https:", StringComparison.OrdinalIgnoreCase);
                oidc.ClientId = options.ClientId;
                oidc.ClientSecret = options.ClientSecret;
                oidc.ResponseType = "code";
                oidc.UsePkce = true;
                oidc.Scope.Clear();
                foreach (var scope in options.ScopeList)
                {
                    oidc.Scope.Add(scope);
                }

                // The claims keep the provider's names (sub, name), whatever the provider.
                oidc.MapInboundClaims = false;
                oidc.SaveTokens = true;
                oidc.SignOutScheme = CookieScheme;
                oidc.Events.OnTokenValidated = context => OpenSessionAsync(context, options);
                oidc.Events.OnTicketReceived = KeepOnlyIdToken;
                oidc.Events.OnRemoteFailure = RefuseSignIn;
            });
        return DirectLineAccess.SignedIn;
    }

    /// <summary>
    /// Turns the provider's identity into the bot's: the Direct Line user id from issuer and subject,
    /// a new session in the store, and the name. Nothing else of the provider's claims is kept.
    /// </summary>
    private static async Task OpenSessionAsync(TokenValidatedContext context, WebChatAuthenticationOptions options)
    {
        var principal = context.Principal!;
        var subject = principal.FindFirst(options.SubjectClaim);
        var issuer = principal.FindFirst("iss")?.Value ?? subject?.Issuer;
        if (subject is not { Value.Length: > 0 } || string.IsNullOrEmpty(issuer))
        {
            context.Fail($"the provider's token has no {options.SubjectClaim} or iss claim ({WebChatAuthenticationOptions.Section}:SubjectClaim)");
            return;
        }

        var services = context.HttpContext.RequestServices;
        var cancellationToken = context.HttpContext.RequestAborted;
        var userId = await services.GetRequiredService<DirectLineTokens>().UserIdOfAsync(issuer, subject.Value, cancellationToken);
        var sessionId = await services.GetRequiredService<SignInSessions>().OpenAsync(userId, options.SessionLifetime, cancellationToken);
        List<Claim> claims = [new(UserClaim, userId), new(SessionClaim, sessionId)];
        if (subject.Value.Length <= MaxSubjectLength)
        {
            claims.Add(new Claim(AccountClaim, new ChannelIdentity(WebAccountChannel, subject.Value).ToString()));
        }

        if (principal.FindFirst(options.NameClaim)?.Value.Trim() is { Length: > 0 and <= MaxNameLength } name)
        {
            claims.Add(new Claim(NameClaim, name));
        }

        context.Principal = new ClaimsPrincipal(new ClaimsIdentity(claims, ProviderScheme, NameClaim, roleType: null));
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebChatSignInServiceCollectionExtensions).FullName!);
        Log.SessionOpened(logger);
    }

    /// <summary>Only the id token is kept in the cookie: the provider's sign-out wants it back (id_token_hint); access and refresh tokens are of no use here.</summary>
    private static Task KeepOnlyIdToken(TicketReceivedContext context)
    {
        context.Properties?.StoreTokens(context.Properties.GetTokens().Where(t => t.Name == "id_token").ToArray());
        return Task.CompletedTask;
    }

    /// <summary>A failed sign-in (refused at the provider, a stale callback) is answered 403 without detail; the reason goes to the log.</summary>
    private static Task RefuseSignIn(RemoteFailureContext context)
    {
        var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebChatSignInServiceCollectionExtensions).FullName!);
        Log.SignInRefused(logger, context.Failure?.GetType().Name ?? "unknown");
        Log.SignInRefusedReason(logger, context.Failure?.Message ?? "unknown");
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.HandleResponse();
        return Task.CompletedTask;
    }

    /// <summary>A cookie whose session was closed (sign-out, an administrator) no longer signs anyone in.</summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var user = context.Principal?.FindFirst(UserClaim)?.Value;
        var session = context.Principal?.FindFirst(SessionClaim)?.Value;
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SignInSessions>();
        if (user is null || session is null || !await sessions.IsOpenAsync(user, session, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieScheme);
        }
    }
}
