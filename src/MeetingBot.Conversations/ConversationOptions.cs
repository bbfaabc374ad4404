using Microsoft.Extensions.Options;

namespace MeetingBot.Conversations;

/// <summary>The "Conversations" configuration section: how turns run on every channel.</summary>
public sealed class ConversationOptions
{
    public const string Section = "Conversations";

    /// <summary>
    /// The longest a turn may take, on every channel. The turn owns this time: a client that
    /// disconnects does not cancel it half-way. Web Chat gives up on a post after 20 s and the Bot
    /// Framework Service after 15 s, so it stays below both.
    /// </summary>
    public TimeSpan TurnTimeout { get; set; } = TimeSpan.FromSeconds(12);

    /// <summary>
    /// How many turns of one conversation may wait for the one running. Beyond it a message is
    /// answered "busy" (HTTP 503 with Retry-After) rather than queued without end.
    /// </summary>
    public int MaxWaitingTurns { get; set; } = 32;

    /// <summary>How long the host waits at shutdown for replies still being delivered in the background.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The time zone dates are read in (3月5日 means this year there); the meetings are in China.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>How long a file the bot sends (a draft to download) can be fetched through its link.</summary>
    public TimeSpan FileLifetime { get; set; } = TimeSpan.FromHours(1);
}

// Messages name the full configuration key because that is what an operator has to fix.
internal sealed class ConversationOptionsValidator : IValidateOptions<ConversationOptions>
{
    public ValidateOptionsResult Validate(string? name, ConversationOptions options)
    {
        var failures = new List<string>();
        if (options.TurnTimeout <= TimeSpan.Zero || options.TurnTimeout > TimeSpan.FromMinutes(2))
        {
            failures.Add("Conversations:TurnTimeout must be positive and at most two minutes.");
        }

        if (options.MaxWaitingTurns < 1)
        {
            failures.Add("Conversations:MaxWaitingTurns must be at least 1.");
        }

        if (options.StopTimeout < TimeSpan.Zero)
        {
            failures.Add("Conversations:StopTimeout must not be negative.");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
        {
            failures.Add($"Conversations:TimeZone '{options.TimeZone}' is not a time zone this machine knows (e.g. Asia/Shanghai).");
        }

        if (options.FileLifetime < TimeSpan.FromMinutes(1) || options.FileLifetime > TimeSpan.FromDays(7))
        {
            failures.Add("Conversations:FileLifetime must be between one minute and seven days.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
