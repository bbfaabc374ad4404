using Microsoft.Extensions.Logging;

namespace MeetingBot.Storage;

/// <summary>
/// Every log message of this project, with its event id (1001–1499; docs/architecture.md, "Logs").
/// Document bodies are never logged; partition keys and ids can name people or chats, so they appear at Trace only.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Opened embedded document store at {DatabasePath} in WAL mode")]
    internal static partial void Opened(ILogger logger, string databasePath);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "Create of a {Kind} document conflicted with a live document")]
    internal static partial void CreateConflict(ILogger logger, string kind);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Trace, Message = "Create conflicted on partition {PartitionKey}, id {Id}")]
    internal static partial void KeyConflict(ILogger logger, string partitionKey, string id);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Debug, Message = "Replace of a {Kind} document failed its ETag precondition")]
    internal static partial void PreconditionFailed(ILogger logger, string kind);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Trace, Message = "Replace precondition failed on partition {PartitionKey}, id {Id}")]
    internal static partial void KeyPreconditionFailed(ILogger logger, string partitionKey, string id);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Trace, Message = "Document {Kind} on partition {PartitionKey}, id {Id}")]
    internal static partial void Written(ILogger logger, DocumentWriteKind kind, string partitionKey, string id);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Trace, Message = "Document delete on partition {PartitionKey}, id {Id}")]
    internal static partial void Deleted(ILogger logger, string partitionKey, string id);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Debug, Message = "Purged {Count} expired documents")]
    internal static partial void Purged(ILogger logger, int count);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Debug, Message = "Purging expired documents failed; it is retried later")]
    internal static partial void PurgeFailed(ILogger logger, Exception exception);
}
