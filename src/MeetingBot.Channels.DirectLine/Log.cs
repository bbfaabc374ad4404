using Microsoft.Extensions.Logging;

namespace MeetingBot.Channels.DirectLine;

/// <summary>
/// Every log message of this project, with its event id (7001–7499; docs/architecture.md, "Logs").
/// Message text, tokens, keys and usable ids never appear above Debug: these are sensitive political materials.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Debug, Message = "Dropped {Dropped} idle Direct Line conversation logs from memory; {Remaining} remain")]
    internal static partial void IdleLogsDropped(ILogger logger, int dropped, int remaining);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "A Direct Line conversation started (new log: {Created})")]
    internal static partial void ConversationStarted(ILogger logger, bool created);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Debug, Message = "Direct Line: {Type} answered with {ReplyCount} replies")]
    internal static partial void TurnAnswered(ILogger logger, string type, int replyCount);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Information, Message = "Direct Line: an activity was posted again; not run twice")]
    internal static partial void RepeatedPost(ILogger logger);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Error, Message = "Direct Line: the bot turn failed")]
    internal static partial void TurnFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7006, Level = LogLevel.Information, Message = "Rejected a Direct Line request with {Status}: {Reason}")]
    internal static partial void RequestRejected(ILogger logger, int status, string reason);

    [LoggerMessage(EventId = 7007, Level = LogLevel.Information, Message = "The Direct Line conversation logs were over their memory budget: dropped the {Dropped} least recently used; {Remaining} remain")]
    internal static partial void LogsOverBudgetDropped(ILogger logger, int dropped, int remaining);
}
