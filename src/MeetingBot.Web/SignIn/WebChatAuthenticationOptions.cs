namespace MeetingBot.Web.SignIn;

/// <summary>
/// The "WebChat:Authentication" configuration section: the OpenID Connect provider the Web Chat
/// page signs its users in with (Microsoft Entra ID, AD FS, Keycloak or any standards-compliant
/// one). The first three names are fixed: deployment documents and checks rely on them.
/// </summary>
public sealed class WebChatAuthenticationOptions
{
    public const string Section = "WebChat:Authentication";

    /// <summary>The setting that lets the page run without sign-in outside the Development environment.</summary>
    public const string DevelopmentBypassKey = Section + ":DevelopmentOnlyAllowAnonymous";

    /// <summary>The provider's issuer URL, whose /.well-known/openid-configuration describes it; empty: no sign-in.</summary>
    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";

    /// <summary>The client's secret at the provider. A secret: environment variable or user secrets only.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>The scopes asked for, separated by spaces; openid is always among them.</summary>
    public string Scopes { get; set; } = "openid profile";

    /// <summary>The claim whose value the bot calls the user by (and puts under the material); empty or missing: the bot asks.</summary>
    public string NameClaim { get; set; } = "name";

    /// <summary>
    /// The claim that identifies the user at the provider; with the issuer it is the identity of the
    /// user's self-check. Changing it later gives every user a new conversation.
    /// </summary>
    public string SubjectClaim { get; set; } = "sub";

    /// <summary>How long a sign-in lasts; then the page signs in again (the provider may do so without asking).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Lets the page run without sign-in outside Development; for a developer machine only.</summary>
    public bool DevelopmentOnlyAllowAnonymous { get; set; }

    public bool Enabled => Authority.Length > 0;

    /// <summary>The scopes to ask for, openid first.</summary>
    public IEnumerable<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Prepend("openid").Distinct(StringComparer.Ordinal);

    /// <summary>The problems that stop the start-up, naming the setting at fault.</summary>
    public IEnumerable<string> Problems()
    {
        if (!Enabled)
        {
            if (ClientId.Length > 0 || ClientSecret.Length > 0)
            {
                yield return $"{Section}:Authority is required when {Section}:ClientId or ClientSecret is set.";
            }

            yield break;
        }

        // An identity provider without TLS is accepted only on this machine (a local Keycloak, the tests).
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority)
            || !(authority.Scheme == Uri.UriSchemeHttps || (authority.Scheme == Uri.UriSchemeHttp && authority.IsLoopback)))
        {
            yield return $"{Section}:Authority must be an absolute https URL (http only on loopback), e.g. https://login.microsoftonline.com/<tenant id>/v2.0.";
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            yield return $"{Section}:ClientId is required when {Section}:Authority is set.";
        }

        if (string.IsNullOrWhiteSpace(ClientSecret))
        {
            yield return $"{Section}:ClientSecret is required when {Section}:Authority is set.";
        }

        if (string.IsNullOrWhiteSpace(SubjectClaim))
        {
            yield return $"{Section}:SubjectClaim must not be empty.";
        }

        if (SessionLifetime < TimeSpan.FromMinutes(5) || SessionLifetime > TimeSpan.FromDays(30))
        {
            yield return $"{Section}:SessionLifetime must be between five minutes and 30 days.";
        }
    }
}
