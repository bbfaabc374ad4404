using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MeetingBot.Channels.BotFramework.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeetingBot.Channels.BotFramework;

/// <summary>
/// The Bot Framework Connector REST API (docs/protocols.md B), bot → channel: send, reply, update and
/// delete activities and create conversations. Calls carry the bot's token, go only to service
/// URLs seen in authenticated activities, and are retried on 429/412/502/504 with jittered
/// exponential backoff that honours Retry-After (B.4).
/// </summary>
public sealed class ConnectorClient(
    HttpClient http,
    ConnectorTokenProvider tokens,
    TrustedServiceUrls trusted,
    IOptions<BotFrameworkAuthOptions> auth,
    TimeProvider time,
    ILogger<ConnectorClient> logger)
{
    private const int MaxRetries = 3;
    private static readonly TimeSpan MinBackoff = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(20);
    private static readonly HttpStatusCode[] Retried = [HttpStatusCode.TooManyRequests, HttpStatusCode.PreconditionFailed, HttpStatusCode.BadGateway, HttpStatusCode.GatewayTimeout];

    /// <summary>POST {serviceUrl}v3/conversations/{id}/activities[/{replyToId}]: a reply when replyToId is set.</summary>
    public Task<ResourceResponse?> SendAsync(Activity activity, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Post, activity.ServiceUrl!, ActivitiesUri(activity.ServiceUrl!, activity.Conversation!.Id!, activity.ReplyToId), activity, cancellationToken);

    /// <summary>PUT …/activities/{id}: replaces a message the bot sent (e.g. an answered card).</summary>
    public Task<ResourceResponse?> UpdateAsync(Activity activity, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Put, activity.ServiceUrl!, ActivitiesUri(activity.ServiceUrl!, activity.Conversation!.Id!, activity.Id), activity, cancellationToken);

    /// <summary>
    /// POST {serviceUrl}v3/conversations: opens a personal chat with a user for a proactive message
    /// (docs/protocols.md B.6); answers the new conversation's id.
    /// </summary>
    public async Task<string> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        var uri = new Uri(new Uri(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/"), "v3/conversations");
        var json = JsonSerializer.SerializeToUtf8Bytes(parameters, BotFrameworkJsonContext.Default.ConversationParameters);
        using var response = await SendWithRetriesAsync(HttpMethod.Post, serviceUrl, uri, json, cancellationToken);
        var created = await response.Content.ReadFromJsonAsync(BotFrameworkJsonContext.Default.ConversationResourceResponse, cancellationToken);
        return created?.Id ?? throw new HttpRequestException("The Connector created a conversation without an id.");
    }

    public async Task DeleteAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken) =>
        await CallAsync(HttpMethod.Delete, serviceUrl, ActivitiesUri(serviceUrl, conversationId, activityId), null, cancellationToken);

    /// <summary>
    /// The service URL keeps its path (/amer/, /teams/): a trailing slash is added before resolving
    /// the relative path, and ids are escaped because Teams ids hold ':', ';', '@' and '=' (B.3).
    /// </summary>
    public static Uri ActivitiesUri(string serviceUrl, string conversationId, string? activityId)
    {
        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        if (!string.IsNullOrEmpty(activityId))
        {
            path += "/" + Uri.EscapeDataString(activityId);
        }

        return new Uri(new Uri(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/"), path);
    }

    private async Task<ResourceResponse?> CallAsync(HttpMethod method, string serviceUrl, Uri uri, Activity? body, CancellationToken cancellationToken)
    {
        var json = body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, BotFrameworkJsonContext.Default.Activity);
        using var response = await SendWithRetriesAsync(method, serviceUrl, uri, json, cancellationToken);
        return response.Content.Headers.ContentLength is 0 || method == HttpMethod.Delete
            ? null
            : await response.Content.ReadFromJsonAsync(BotFrameworkJsonContext.Default.ResourceResponse, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendWithRetriesAsync(HttpMethod method, string serviceUrl, Uri uri, byte[]? json, CancellationToken cancellationToken)
    {
        if (!auth.Value.AuthenticationDisabled && !trusted.IsTrusted(serviceUrl))
        {
            throw new InvalidOperationException("The service URL did not come from an authenticated activity; nothing was sent.");
        }

        var token = await tokens.GetTokenAsync(cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, uri);
            if (json is not null)
            {
                request.Content = new ByteArrayContent(json) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
            }

            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            using (response)
            {
                if (attempt >= MaxRetries || !Retried.Contains(response.StatusCode))
                {
                    Log.ConnectorFailed(logger, method.Method, (int)response.StatusCode, attempt + 1);
                    throw new HttpRequestException($"The Connector answered {(int)response.StatusCode}.", null, response.StatusCode);
                }

                var delay = Backoff(attempt, response.Headers.RetryAfter);
                Log.ConnectorRetry(logger, (int)response.StatusCode, delay.TotalMilliseconds);
                await Task.Delay(delay, time, cancellationToken);
            }
        }
    }

    private static TimeSpan Backoff(int attempt, RetryConditionHeaderValue? retryAfter)
    {
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        var exponential = MinBackoff.TotalMilliseconds * Math.Pow(2, attempt);
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        return TimeSpan.FromMilliseconds(Math.Min(exponential * jitter, MaxBackoff.TotalMilliseconds));
    }
}
