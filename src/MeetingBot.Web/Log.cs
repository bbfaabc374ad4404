using Microsoft.Extensions.Logging;

namespace MeetingBot.Web;

/// <summary>
/// Every log message of this project, with its event id (9001–9499; docs/architecture.md, "Logs").
/// Message text, tokens, keys and usable ids never appear above Debug: these are sensitive political materials.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "DEVELOPMENT ONLY: the Web Chat page has no sign-in; whoever opens it holds a self-check. Set WebChat:Authentication:Authority, ClientId and ClientSecret for any real use.")]
    internal static partial void PageAnonymous(ILogger logger);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Information, Message = "The Web Chat page signs users in through {Authority}")]
    internal static partial void PageSignIn(ILogger logger, string authority);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Warning, Message = "A sign-in was refused ({Error}); the reason is logged at Debug")]
    internal static partial void SignInRefused(ILogger logger, string error);

    // A provider's error description may name the user (Entra ID's AADSTS messages quote the account).
    [LoggerMessage(EventId = 9007, Level = LogLevel.Debug, Message = "The sign-in was refused because: {Reason}")]
    internal static partial void SignInRefusedReason(ILogger logger, string reason);

    [LoggerMessage(EventId = 9004, Level = LogLevel.Information, Message = "A Web Chat user signed in; a session was opened")]
    internal static partial void SessionOpened(ILogger logger);

    [LoggerMessage(EventId = 9005, Level = LogLevel.Information, Message = "A Web Chat user signed out; the session and its tokens are closed")]
    internal static partial void SessionClosed(ILogger logger);

    [LoggerMessage(EventId = 9006, Level = LogLevel.Warning, Message = "The identity provider's metadata could not be read ({Error}); the user was signed out of the bot only")]
    internal static partial void ProviderUnreachable(ILogger logger, string error);
}
