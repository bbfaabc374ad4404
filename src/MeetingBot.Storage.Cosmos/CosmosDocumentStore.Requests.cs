using System.Globalization;
using System.Net;
using Microsoft.Azure.Cosmos;

namespace MeetingBot.Storage.Cosmos;

// How every call goes out and what its answer means.
public sealed partial class CosmosDocumentStore
{
    // Answers that mean "not now" rather than "no": throttling beyond the SDK's retries, timeouts,
    // and the service failing or being unreachable.
    private static readonly HashSet<HttpStatusCode> Unavailable =
    [
        HttpStatusCode.RequestTimeout, HttpStatusCode.TooManyRequests, (HttpStatusCode)449,
        HttpStatusCode.InternalServerError, HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout,
    ];

    /// <summary>A conditional replace of the item holding <paramref name="key"/> (If-Match).</summary>
    private Task<ResponseMessage> ReplaceItemAsync(DocumentKey key, byte[] content, string etag, CancellationToken cancellationToken)
    {
        var options = WriteOptions();
        options.IfMatchEtag = etag;
        return SendAsync("replace", key, () => _container.ReplaceItemStreamAsync(
            new MemoryStream(content), CosmosKeys.Encode(key.Id), PartitionKeyOf(key), options, cancellationToken), cancellationToken);
    }

    private Task<ResponseMessage> SendAsync(string operation, DocumentKey? key, Func<Task<ResponseMessage>> send, CancellationToken cancellationToken) =>
        SendAsync(operation, key, send, response => new Answer(response.StatusCode, response.Headers.RequestCharge, RetryAfter(response.Headers)), cancellationToken);

    private Task<TransactionalBatchResponse> SendAsync(Func<Task<TransactionalBatchResponse>> send, CancellationToken cancellationToken) =>
        SendAsync("batch", null, send, response => new Answer(response.StatusCode, response.RequestCharge, response.RetryAfter), cancellationToken);

    /// <summary>
    /// Sends one request, records its charge and turns "not now" answers into
    /// <see cref="StoreUnavailableException"/>. By then the SDK has already retried throttling
    /// (see CosmosClientFactory) and transient network failures.
    /// </summary>
    private async Task<TResponse> SendAsync<TResponse>(
        string operation, DocumentKey? key, Func<Task<TResponse>> send, Func<TResponse, Answer> answerOf, CancellationToken cancellationToken)
        where TResponse : IDisposable
    {
        if (key is not null)
        {
            Log.OperationKey(_logger, operation, key.PartitionKey, key.Id);
        }

        TResponse response;
        try
        {
            response = await send();
        }
        catch (CosmosOperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            Log.ServerUnreachable(_logger, operation, e);
            throw new StoreUnavailableException("Azure Cosmos DB did not answer in time.", innerException: e);
        }
        catch (CosmosException e) when (Unavailable.Contains(e.StatusCode))
        {
            _charges.Record(operation, e.RequestCharge, e.StatusCode);
            Log.StoreUnavailable(_logger, operation, e.StatusCode);
            throw new StoreUnavailableException($"Azure Cosmos DB answered {(int)e.StatusCode}.", e.RetryAfter, e);
        }
        catch (HttpRequestException e)
        {
            Log.ServerUnreachable(_logger, operation, e);
            throw new StoreUnavailableException("Azure Cosmos DB could not be reached.", innerException: e);
        }

        var answer = answerOf(response);
        _charges.Record(operation, answer.Charge, answer.Status);
        Log.RequestCharge(_logger, operation, answer.Status, answer.Charge);
        if (Unavailable.Contains(answer.Status))
        {
            response.Dispose();
            Log.StoreUnavailable(_logger, operation, answer.Status);
            throw new StoreUnavailableException($"Azure Cosmos DB answered {(int)answer.Status}.", answer.RetryAfter);
        }

        return response;
    }

    // Anything else than success or the expected failures is a fault of ours or of the setup
    // (bad request, forbidden, too large); the SDK's exception carries the diagnostics.
    private static void EnsureExpected(ResponseMessage response, params ReadOnlySpan<HttpStatusCode> expected)
    {
        if (!response.IsSuccessStatusCode && !expected.Contains(response.StatusCode))
        {
            response.EnsureSuccessStatusCode();
        }
    }

    // A batch fails as a whole; its answer carries the status of the operation that failed it.
    private static void EnsureExpected(TransactionalBatchResponse response, HttpStatusCode status, params ReadOnlySpan<HttpStatusCode> expected)
    {
        if (!expected.Contains(status))
        {
            throw Refused(response, status);
        }
    }

    private static CosmosException Refused(TransactionalBatchResponse response, HttpStatusCode status) =>
        new($"Azure Cosmos DB refused the batch: {response.ErrorMessage}", status, 0, response.ActivityId, response.RequestCharge);

    // Cosmos DB says how long to back off in x-ms-retry-after-ms (REST API, common response headers).
    private static TimeSpan? RetryAfter(Headers headers) =>
        long.TryParse(headers["x-ms-retry-after-ms"], NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
            ? TimeSpan.FromMilliseconds(milliseconds)
            : null;

    /// <summary>What every answer tells, whatever its shape.</summary>
    private readonly record struct Answer(HttpStatusCode Status, double Charge, TimeSpan? RetryAfter);
}
