using MeetingBot.Meetings;
using Microsoft.Extensions.Options;

namespace MeetingBot.Conversations.Meetings;

/// <summary>The "Meetings" configuration section.</summary>
public sealed class MeetingOptions
{
    public const string Section = "Meetings";

    /// <summary>
    /// Who may create meetings (创建会议) and import them: accounts written <c>channel:user</c>
    /// (msteams:&lt;AAD object id&gt;, wecom:&lt;UserID&gt;, web:&lt;sign-in subject&gt;).
    /// </summary>
    public List<string> Admins { get; set; } = [];

    /// <summary>
    /// How long a conversation on no meeting goes before the bot looks again whether its user has
    /// been put on a roster (one point read); 加入 and 我的会议 look at once.
    /// </summary>
    public TimeSpan RosterCheckInterval { get; set; } = TimeSpan.FromMinutes(10);

    public bool IsAdmin(ChannelIdentity account) => Admins.Contains(account.ToString(), StringComparer.Ordinal);
}

internal sealed class MeetingOptionsValidator : IValidateOptions<MeetingOptions>
{
    public ValidateOptionsResult Validate(string? name, MeetingOptions options)
    {
        var failures = options.Admins.Where(a => ChannelIdentity.Parse(a) is null)
            .Select(a => $"Meetings:Admins: '{a}' is not an account written channel:user (e.g. wecom:zhangsan).")
            .ToList();
        if (options.RosterCheckInterval < TimeSpan.Zero)
        {
            failures.Add("Meetings:RosterCheckInterval must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
