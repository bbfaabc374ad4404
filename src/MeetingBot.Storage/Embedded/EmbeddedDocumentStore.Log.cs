using Microsoft.Extensions.Logging;

namespace MeetingBot.Storage.Embedded;

// Bodies are sensitive and never logged; partition keys and ids can name people or chats, so they
// only appear at Trace.
public sealed partial class EmbeddedDocumentStore
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Opened embedded document store at {DatabasePath} in WAL mode")]
    private static partial void LogOpened(ILogger logger, string databasePath);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Create of a {Kind} document conflicted with a live document")]
    private static partial void LogCreateConflict(ILogger logger, string kind);

    [LoggerMessage(Level = LogLevel.Trace, Message = "Create conflicted on partition {PartitionKey}, id {Id}")]
    private static partial void LogKeyConflict(ILogger logger, string partitionKey, string id);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Replace of a {Kind} document failed its ETag precondition")]
    private static partial void LogPreconditionFailed(ILogger logger, string kind);

    [LoggerMessage(Level = LogLevel.Trace, Message = "Replace precondition failed on partition {PartitionKey}, id {Id}")]
    private static partial void LogKeyPreconditionFailed(ILogger logger, string partitionKey, string id);

    [LoggerMessage(Level = LogLevel.Trace, Message = "Document {Kind} on partition {PartitionKey}, id {Id}")]
    private static partial void LogWritten(ILogger logger, DocumentWriteKind kind, string partitionKey, string id);

    [LoggerMessage(Level = LogLevel.Trace, Message = "Document delete on partition {PartitionKey}, id {Id}")]
    private static partial void LogDeleted(ILogger logger, string partitionKey, string id);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Purged {Count} expired documents")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Purging expired documents failed; it is retried later")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception);
}
