using System.Net;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;

namespace MeetingBot.Storage.Cosmos;

/// <summary>
/// Every log message of this project, with its event id (1501–1999; docs/architecture.md, "Logs").
/// Document bodies are never logged; partition keys and ids can name people or chats, so they appear at
/// Trace only; keys and endpoint credentials never appear at all.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1501, Level = LogLevel.Information, Message = "Created Cosmos DB container {Container} in database {Database} for {RequestCharge} RU")]
    internal static partial void ContainerCreated(ILogger logger, string database, string container, double requestCharge);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Warning, Message = "Time to live is off on Cosmos DB container {Container}: expired documents are hidden but never deleted; set its default time to live to -1")]
    internal static partial void TimeToLiveOff(ILogger logger, string container);

    [LoggerMessage(EventId = 1503, Level = LogLevel.Information, Message = "Using Cosmos DB container {Container} in database {Database} ({ConnectionMode} mode)")]
    internal static partial void ContainerReady(ILogger logger, string database, string container, ConnectionMode connectionMode);

    [LoggerMessage(EventId = 1504, Level = LogLevel.Debug, Message = "Cosmos {Operation} answered {StatusCode} and cost {RequestCharge} RU")]
    internal static partial void RequestCharge(ILogger logger, string operation, HttpStatusCode statusCode, double requestCharge);

    [LoggerMessage(EventId = 1505, Level = LogLevel.Trace, Message = "Cosmos {Operation} on partition {PartitionKey}, id {Id}")]
    internal static partial void OperationKey(ILogger logger, string operation, string partitionKey, string id);

    [LoggerMessage(EventId = 1506, Level = LogLevel.Debug, Message = "Create of a {Kind} document conflicted with a live document")]
    internal static partial void CreateConflict(ILogger logger, string kind);

    [LoggerMessage(EventId = 1507, Level = LogLevel.Debug, Message = "Create of a {Kind} document replaces an expired document the server still holds")]
    internal static partial void CreateOverExpired(ILogger logger, string kind);

    [LoggerMessage(EventId = 1508, Level = LogLevel.Debug, Message = "Replace of a {Kind} document failed its ETag precondition")]
    internal static partial void PreconditionFailed(ILogger logger, string kind);

    [LoggerMessage(EventId = 1509, Level = LogLevel.Warning, Message = "Cosmos {Operation} could not be served ({StatusCode}); the caller is told the store is unavailable")]
    internal static partial void StoreUnavailable(ILogger logger, string operation, HttpStatusCode statusCode);

    [LoggerMessage(EventId = 1510, Level = LogLevel.Warning, Message = "Cosmos {Operation} failed before an answer came back; the caller is told the store is unavailable")]
    internal static partial void ServerUnreachable(ILogger logger, string operation, Exception exception);
}
