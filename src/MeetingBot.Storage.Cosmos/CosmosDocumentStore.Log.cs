using System.Net;
using Microsoft.Extensions.Logging;

namespace MeetingBot.Storage.Cosmos;

// Bodies are sensitive and never logged; partition keys and ids can name people or chats, so they
// only appear at Trace. Keys and endpoints' credentials never appear at all.
public sealed partial class CosmosDocumentStore
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Cosmos {Operation} answered {StatusCode} and cost {RequestCharge} RU")]
    private static partial void LogRequestCharge(ILogger logger, string operation, HttpStatusCode statusCode, double requestCharge);

    [LoggerMessage(Level = LogLevel.Trace, Message = "Cosmos {Operation} on partition {PartitionKey}, id {Id}")]
    private static partial void LogKey(ILogger logger, string operation, string partitionKey, string id);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Create of a {Kind} document conflicted with a live document")]
    private static partial void LogCreateConflict(ILogger logger, string kind);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Create of a {Kind} document replaces an expired document the server still holds")]
    private static partial void LogCreateOverExpired(ILogger logger, string kind);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Replace of a {Kind} document failed its ETag precondition")]
    private static partial void LogPreconditionFailed(ILogger logger, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cosmos {Operation} could not be served ({StatusCode}); the caller is told the store is unavailable")]
    private static partial void LogUnavailable(ILogger logger, string operation, HttpStatusCode statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cosmos {Operation} failed before an answer came back; the caller is told the store is unavailable")]
    private static partial void LogUnreachable(ILogger logger, string operation, Exception exception);
}
