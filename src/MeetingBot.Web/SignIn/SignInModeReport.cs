using Microsoft.Extensions.Options;

namespace MeetingBot.Web.SignIn;

/// <summary>Says at start-up how the Web Chat page knows its users, loudly when it does not.</summary>
public sealed class SignInModeReport(IOptions<WebChatAuthenticationOptions> options, IConfiguration configuration, ILogger<SignInModeReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Enabled)
        {
            Log.PageSignIn(logger, options.Value.Authority);
        }
        else if (configuration.GetValue("DirectLine:Enabled", true))
        {
            Log.PageAnonymous(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
