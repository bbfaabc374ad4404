using MeetingBot.Channels.DirectLine;

namespace MeetingBot.Web.SignIn;

/// <summary>
/// What an administrator runs to sign a user out everywhere (a lost laptop, a user who left):
/// <c>revoke-sessions &lt;issuer&gt; &lt;subject&gt;</c> closes every Web Chat session of that user in the
/// store, so their cookies and Direct Line tokens are refused by every instance from then on. It
/// takes the bot's own configuration, so it finds the same store and the same signing secret.
/// </summary>
public static class SessionRevocation
{
    /// <returns>How many sessions were open.</returns>
    public static async Task<int> RunAsync(string issuer, string subject, string[] settings, CancellationToken cancellationToken)
    {
        await using var app = MeetingBotHost.Build(settings);
        var userId = await app.Services.GetRequiredService<DirectLineTokens>().UserIdOfAsync(issuer, subject, cancellationToken);
        return await app.Services.GetRequiredService<SignInSessions>().CloseAllAsync(userId, cancellationToken);
    }
}
