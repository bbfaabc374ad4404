using Microsoft.Extensions.Logging;

namespace MeetingBot.Channels.WeCom;

/// <summary>
/// Every log message of this project, with its event id (8001–8499; docs/architecture.md, "Logs").
/// Message text, tokens, keys and usable ids never appear above Debug: these are sensitive political materials.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 8001, Level = LogLevel.Information, Message = "WeCom access_token fetched, valid for {ExpiresIn} s")]
    internal static partial void TokenFetched(ILogger logger, int expiresIn);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Information, Message = "WeCom {Operation} answered {ErrCode}: fetching a new access_token")]
    internal static partial void TokenRejected(ILogger logger, string operation, int errCode);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Warning, Message = "WeCom {Operation} answered {ErrCode}: trying again in {Delay}")]
    internal static partial void BackingOff(ILogger logger, string operation, int errCode, TimeSpan delay);

    [LoggerMessage(EventId = 8004, Level = LogLevel.Warning, Message = "WeCom message/send: the recipient is not in the app's visible range (invaliduser)")]
    internal static partial void RecipientRejected(ILogger logger);

    [LoggerMessage(EventId = 8005, Level = LogLevel.Debug, Message = "WeCom callback {MsgType} {Event} needs no turn")]
    internal static partial void CallbackIgnored(ILogger logger, string msgType, string? @event);

    [LoggerMessage(EventId = 8006, Level = LogLevel.Information, Message = "WeCom delivered {ActivityId} again; it shares the first delivery's outcome")]
    internal static partial void Redelivered(ILogger logger, string activityId);

    [LoggerMessage(EventId = 8007, Level = LogLevel.Information, Message = "The turn took longer than {Budget}; its replies go out through message/send")]
    internal static partial void SlowTurn(ILogger logger, TimeSpan budget);

    [LoggerMessage(EventId = 8008, Level = LogLevel.Warning, Message = "Refused a WeCom callback with {Status}: {Reason}")]
    internal static partial void CallbackRefused(ILogger logger, int status, string reason);

    [LoggerMessage(EventId = 8009, Level = LogLevel.Information, Message = "WeCom per-member limit reached; {Waiting} replies wait {Wait}")]
    internal static partial void RateLimited(ILogger logger, int waiting, TimeSpan wait);

    [LoggerMessage(EventId = 8010, Level = LogLevel.Error, Message = "WeCom message/send failed with errcode {ErrCode}; a reply of {Parts} parts was not (fully) sent")]
    internal static partial void SendFailed(ILogger logger, int errCode, int parts);

    [LoggerMessage(EventId = 8011, Level = LogLevel.Error, Message = "WeCom message/send failed ({Error}); a reply of {Parts} parts was not (fully) sent")]
    internal static partial void SendError(ILogger logger, string error, int parts);

    [LoggerMessage(EventId = 8012, Level = LogLevel.Debug, Message = "WeCom user/get gave no name (errcode {ErrCode}); the dialog asks for it")]
    internal static partial void NameUnknown(ILogger logger, int errCode);
}
