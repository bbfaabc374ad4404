namespace MeetingBot.Channels.BotFramework.Authentication;

/// <summary>
/// The Bot Framework SDK's own settings, read from the configuration root under the same names so
/// that an existing deployment maps one to one (docs/protocols.md C.4). Defaults are the public cloud.
/// </summary>
public sealed class BotFrameworkAuthOptions
{
    public string MicrosoftAppId { get; set; } = "";

    public string MicrosoftAppPassword { get; set; } = "";

    /// <summary>MultiTenant, SingleTenant or UserAssignedMSI.</summary>
    public string MicrosoftAppType { get; set; } = "MultiTenant";

    public string MicrosoftAppTenantId { get; set; } = "";

    public string ToBotFromChannelOpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    public string ToBotFromChannelTokenIssuer { get; set; } = "https://api.botframework.com";

    public string ToBotFromEmulatorOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>The authority for outbound tokens; empty means login.microsoftonline.com with the tenant the app type implies.</summary>
    public string ToChannelFromBotLoginUrl { get; set; } = "";

    public string ToChannelFromBotOAuthScope { get; set; } = "https://api.botframework.com";

    /// <summary>The setting that lets a bot without an app id take activities without a token outside the Development environment.</summary>
    public const string DevelopmentBypassKey = "BotFramework:DevelopmentOnlyAllowAnonymous";

    /// <summary>Without an app id the bot has no credentials: it sends no tokens and can validate none.</summary>
    public bool AuthenticationDisabled => string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>
    /// Activities without a token are accepted: only without an app id, and only in the Development
    /// environment or with <see cref="DevelopmentBypassKey"/> set (the Bot Framework convention for
    /// the Emulator and local tests). Set at registration, not bound.
    /// </summary>
    public bool AnonymousAllowed { get; set; }

    public BotAppType AppType => MicrosoftAppType.ToUpperInvariant() switch
    {
        "SINGLETENANT" => BotAppType.SingleTenant,
        "USERASSIGNEDMSI" => BotAppType.UserAssignedMsi,
        "MULTITENANT" => BotAppType.MultiTenant,
        _ => BotAppType.Unknown,
    };

    /// <summary>Where outbound tokens come from (docs/protocols.md C.3).</summary>
    public string LoginAuthority => ToChannelFromBotLoginUrl is { Length: > 0 } url
        ? url.TrimEnd('/')
        : "https://login.microsoftonline.com/" + (AppType == BotAppType.MultiTenant ? "botframework.com" : MicrosoftAppTenantId);

    /// <summary>The problems that stop the start-up, naming the setting at fault.</summary>
    public IEnumerable<string> Problems()
    {
        if (AppType == BotAppType.Unknown)
        {
            yield return $"MicrosoftAppType '{MicrosoftAppType}' is not known: use MultiTenant, SingleTenant or UserAssignedMSI.";
        }

        if (AuthenticationDisabled)
        {
            yield break;
        }

        if (AppType != BotAppType.UserAssignedMsi && string.IsNullOrWhiteSpace(MicrosoftAppPassword))
        {
            yield return "MicrosoftAppPassword is required when MicrosoftAppId is set (MicrosoftAppType MultiTenant or SingleTenant).";
        }

        if (AppType != BotAppType.MultiTenant && string.IsNullOrWhiteSpace(MicrosoftAppTenantId))
        {
            yield return $"MicrosoftAppTenantId is required when MicrosoftAppType is {MicrosoftAppType}.";
        }

        if (AppType == BotAppType.UserAssignedMsi && !string.IsNullOrWhiteSpace(MicrosoftAppPassword))
        {
            yield return "MicrosoftAppPassword must be empty when MicrosoftAppType is UserAssignedMSI.";
        }
    }
}

public enum BotAppType
{
    Unknown,
    MultiTenant,
    SingleTenant,
    UserAssignedMsi,
}
