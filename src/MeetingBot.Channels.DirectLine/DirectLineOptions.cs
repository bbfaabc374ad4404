using Microsoft.Extensions.Options;

namespace MeetingBot.Channels.DirectLine;

/// <summary>The "DirectLine" configuration section: the local Direct Line channel that serves the Web Chat page.</summary>
public sealed class DirectLineOptions
{
    public const string Section = "DirectLine";

    /// <summary>DirectLineJS refreshes its token this often (docs/protocols.md D.4); a shorter lifetime would cut users off.</summary>
    public static readonly TimeSpan ClientRefreshInterval = TimeSpan.FromMinutes(15);

    /// <summary>Serves the Web Chat page and its Direct Line endpoints; false turns both off.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The secret behind tokens and ids (at least 32 characters), from the deployment's secret store;
    /// empty: a secret the bot creates in its store. Set it before the first user: changing it gives
    /// every user a new conversation.
    /// </summary>
    public string SigningSecret { get; set; } = "";

    /// <summary>Who gets tokens: set by the host from the sign-in settings, not bound.</summary>
    public DirectLineAccess Access { get; internal set; }

    /// <summary>The bot's account id in activities (recipient of user posts, sender of replies).</summary>
    public string BotId { get; set; } = "meetingbot";

    /// <summary>The name Web Chat shows for the bot; the display name in the users' language belongs in appsettings.</summary>
    public string BotName { get; set; } = "MeetingBot";

    /// <summary>How long a token is valid; the page refreshes it while open. The official service uses 30 minutes.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How many activities each in-memory conversation log keeps; older ones are dropped first.</summary>
    public int MaxActivitiesPerConversation { get; set; } = 500;

    /// <summary>How many bytes of activities (as JSON) each conversation log keeps, and so the most one poll returns.</summary>
    public int MaxTranscriptBytes { get; set; } = 1024 * 1024;

    /// <summary>How many bytes all conversation logs of the process keep together; past it the least recently used are dropped.</summary>
    public long MaxTotalTranscriptBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>A conversation log nobody has read or written for this long is dropped from memory.</summary>
    public TimeSpan IdleConversationLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// How often a polled conversation looks in the store for what the bot sent it without being
    /// asked (a reminder from another instance): one point read per conversation per interval.
    /// </summary>
    public TimeSpan PendingCheckInterval { get; set; } = TimeSpan.FromSeconds(3);
}

/// <summary>Who may get a Direct Line token.</summary>
public enum DirectLineAccess
{
    /// <summary>Whoever names a page user id (POST /tokens/generate): the page without sign-in, for development only.</summary>
    AnonymousPage,

    /// <summary>Signed-in sessions only: the host issues their tokens, /tokens/generate is not served, tokens without a session are refused.</summary>
    SignedIn,
}

// Messages name the full configuration key because that is what an operator has to fix.
internal sealed class DirectLineOptionsValidator : IValidateOptions<DirectLineOptions>
{
    public ValidateOptionsResult Validate(string? name, DirectLineOptions options)
    {
        var failures = new List<string>();
        if (options.SigningSecret.Length is > 0 and < 32)
        {
            failures.Add("DirectLine:SigningSecret must have at least 32 characters (e.g. the output of `openssl rand -base64 32`), or be empty to use a secret kept in the store.");
        }

        if (string.IsNullOrWhiteSpace(options.BotId))
        {
            failures.Add("DirectLine:BotId must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.BotName))
        {
            failures.Add("DirectLine:BotName must not be empty.");
        }

        if (options.TokenLifetime <= DirectLineOptions.ClientRefreshInterval || options.TokenLifetime > TimeSpan.FromDays(1))
        {
            failures.Add($"DirectLine:TokenLifetime must be longer than {DirectLineOptions.ClientRefreshInterval} (how often Web Chat refreshes its token) and at most one day.");
        }

        if (options.MaxActivitiesPerConversation < 10)
        {
            failures.Add("DirectLine:MaxActivitiesPerConversation must be at least 10.");
        }

        if (options.MaxTranscriptBytes < 64 * 1024)
        {
            failures.Add("DirectLine:MaxTranscriptBytes must be at least 65536 (64 KB).");
        }

        if (options.MaxTotalTranscriptBytes < options.MaxTranscriptBytes)
        {
            failures.Add("DirectLine:MaxTotalTranscriptBytes must be at least DirectLine:MaxTranscriptBytes.");
        }

        if (options.IdleConversationLifetime < TimeSpan.FromMinutes(1))
        {
            failures.Add("DirectLine:IdleConversationLifetime must be at least one minute.");
        }

        if (options.PendingCheckInterval <= TimeSpan.Zero || options.PendingCheckInterval > TimeSpan.FromMinutes(5))
        {
            failures.Add("DirectLine:PendingCheckInterval must be positive and at most five minutes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
