using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeetingBot.Channels.BotFramework.Authentication;

/// <summary>Says at start-up how /api/messages checks its callers, loudly when it does not.</summary>
public sealed class AuthenticationModeReport(IOptions<BotFrameworkAuthOptions> options, ILogger<AuthenticationModeReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var auth = options.Value;
        if (auth.AnonymousAllowed)
        {
            Log.AuthenticationOff(logger);
        }
        else if (auth.AuthenticationDisabled)
        {
            Log.AnonymousRefused(logger, BotFrameworkAuthOptions.DevelopmentBypassKey);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
