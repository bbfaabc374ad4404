using System.Net.Http.Json;

namespace MeetingBot.Channels.BotFramework;

/// <summary>
/// The Bot Framework Connector REST API (protocols.md B), bot → channel, for replies that are not
/// returned in the HTTP response. A typed HTTP client: one instance per call site from the factory.
/// </summary>
public sealed class ConnectorClient(HttpClient http)
{
    /// <summary>POST {serviceUrl}v3/conversations/{conversationId}/activities[/{replyToId}].</summary>
    public async Task<ResourceResponse?> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        var uri = ActivitiesUri(activity.ServiceUrl!, activity.Conversation!.Id!, activity.ReplyToId);
        using var response = await http.PostAsJsonAsync(uri, activity, BotFrameworkJsonContext.Default.Activity, cancellationToken);
        response.EnsureSuccessStatusCode();
        return response.Content.Headers.ContentLength is 0
            ? null
            : await response.Content.ReadFromJsonAsync(BotFrameworkJsonContext.Default.ResourceResponse, cancellationToken);
    }

    /// <summary>
    /// The service URL keeps its path (/amer/, /teams/): a trailing slash is added before resolving
    /// the relative path, and ids are escaped because Teams ids hold ':', ';', '@' and '=' (B.3).
    /// </summary>
    public static Uri ActivitiesUri(string serviceUrl, string conversationId, string? replyToId)
    {
        var baseUri = new Uri(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/");
        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        if (!string.IsNullOrEmpty(replyToId))
        {
            path += "/" + Uri.EscapeDataString(replyToId);
        }

        return new Uri(baseUri, path);
    }
}
