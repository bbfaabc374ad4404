using Microsoft.Extensions.Logging;

namespace MeetingBot.Channels.BotFramework;

/// <summary>
/// Every log message of this project, with its event id (6001–6499; docs/architecture.md, "Logs").
/// Message text, tokens, keys and usable ids never appear above Debug: these are sensitive political materials.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "DEVELOPMENT ONLY: /api/messages accepts activities without a token because MicrosoftAppId is empty. Never expose this instance; set MicrosoftAppId for any real use.")]
    internal static partial void AuthenticationOff(ILogger logger);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "MicrosoftAppId is empty: /api/messages refuses every activity (set MicrosoftAppId, or {Key}=true on a developer machine)")]
    internal static partial void AnonymousRefused(ILogger logger, string key);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "Rejected an activity with {Status}: {Reason}")]
    internal static partial void ActivityRejected(ILogger logger, int status, string reason);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "Replies could not be delivered now ({Error}); {Count} activities go out in the background")]
    internal static partial void DeliveryDeferred(ILogger logger, string error, int count);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Information, Message = "The Connector answered {Status}; retrying in {DelayMs} ms")]
    internal static partial void ConnectorRetry(ILogger logger, int status, double delayMs);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Error, Message = "Connector {Method} failed with {Status} after {Attempts} attempts")]
    internal static partial void ConnectorFailed(ILogger logger, string method, int status, int attempts);
}
