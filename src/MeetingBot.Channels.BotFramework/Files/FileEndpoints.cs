using System.Net.Mime;
using MeetingBot.Conversations.Files;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace MeetingBot.Channels.BotFramework.Files;

/// <summary>
/// GET /api/files/{token}: the download behind a file link of a reply. The signed token names one
/// file of one conversation and its expiry; anything else — a changed token, another conversation's
/// file, an expired link or file — is 404, telling nothing about what exists.
/// </summary>
public static class FileEndpoints
{
    public const string Path = "/api/files";

    public static string Url(string baseUrl, string token) => baseUrl.TrimEnd('/') + Path + "/" + token;

    public static IEndpointRouteBuilder MapFileEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path + "/{token}", DownloadAsync);
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(string token, FileLinks links, HttpResponse response, CancellationToken cancellationToken)
    {
        if (await links.OpenFileAsync(token, cancellationToken) is not { } file)
        {
            return Results.NotFound();
        }

        // The drafts are personal: no cache keeps a copy, and the browser saves rather than shows it.
        response.Headers.CacheControl = "no-store";
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        var disposition = new ContentDispositionHeaderValue(DispositionTypeNames.Attachment);
        disposition.SetHttpFileName(file.Name);
        response.Headers.ContentDisposition = disposition.ToString();
        return Results.Bytes(file.Content, file.MediaType);
    }
}
