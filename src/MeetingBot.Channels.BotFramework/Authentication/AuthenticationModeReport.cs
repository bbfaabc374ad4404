using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeetingBot.Channels.BotFramework.Authentication;

/// <summary>Says at start-up how /api/messages checks its callers, loudly when it does not.</summary>
public sealed partial class AuthenticationModeReport(IOptions<BotFrameworkAuthOptions> options, ILogger<AuthenticationModeReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var auth = options.Value;
        if (auth.AnonymousAllowed)
        {
            LogAnonymous(logger);
        }
        else if (auth.AuthenticationDisabled)
        {
            LogClosed(logger, BotFrameworkAuthOptions.DevelopmentBypassKey);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 6101, Level = LogLevel.Warning, Message = "DEVELOPMENT ONLY: /api/messages accepts activities without a token because MicrosoftAppId is empty. Never expose this instance; set MicrosoftAppId for any real use.")]
    private static partial void LogAnonymous(ILogger logger);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "MicrosoftAppId is empty: /api/messages refuses every activity (set MicrosoftAppId, or {Key}=true on a developer machine)")]
    private static partial void LogClosed(ILogger logger, string key);
}
