using Microsoft.Extensions.Options;

namespace MeetingBot.Conversations.Reminders;

/// <summary>The "Reminders" configuration section: how the scheduler runs. When reminders go out is each meeting's own (its file's <c>reminders</c>).</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>Whether this instance sends reminders; any number of instances may, each reminder still goes out once.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the scheduler looks at the meetings when nothing is due sooner (meetings change on other instances too).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a claim on one reminder holds: an instance that stops between claiming and sending leaves it to another after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Reminders held back by quiet hours go out over this long after they end, not all at the same second.</summary>
    public TimeSpan Spread { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The wait after a failed send; it doubles with every further attempt.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Sends tried per reminder before it is reported to the secretaries as failed.</summary>
    public int Attempts { get; set; } = 4;

    /// <summary>Reminders of one round sent at the same time.</summary>
    public int Parallelism { get; set; } = 16;
}

internal sealed class ReminderOptionsValidator : IValidateOptions<ReminderOptions>
{
    public ValidateOptionsResult Validate(string? name, ReminderOptions options)
    {
        var failures = new List<string>();
        if (options.PollInterval <= TimeSpan.Zero)
        {
            failures.Add("Reminders:PollInterval must be positive.");
        }

        if (options.Lease <= TimeSpan.Zero)
        {
            failures.Add("Reminders:Lease must be positive.");
        }

        if (options.Spread < TimeSpan.Zero || options.RetryDelay <= TimeSpan.Zero)
        {
            failures.Add("Reminders:Spread must not be negative and Reminders:RetryDelay must be positive.");
        }

        if (options.Attempts < 1 || options.Parallelism < 1)
        {
            failures.Add("Reminders:Attempts and Reminders:Parallelism must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
