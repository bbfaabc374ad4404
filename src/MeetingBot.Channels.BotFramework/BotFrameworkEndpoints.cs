using System.Text.Json;
using MeetingBot.Channels.BotFramework.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace MeetingBot.Channels.BotFramework;

/// <summary>POST /api/messages: the Bot Framework messaging endpoint (protocols.md A.6, A.7).</summary>
public static partial class BotFrameworkEndpoints
{
    /// <summary>The largest request body accepted; bigger ones get 413 before any processing.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapBotFrameworkEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpRequest request,
        ActivityProcessor processor,
        InboundAuthenticator authenticator,
        TrustedServiceUrls trusted,
        ConnectorClient connector,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(BotFrameworkEndpoints).FullName!);
        var (activity, problem) = await ActivityReader.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (activity is null)
        {
            LogRejected(logger, problem!.Value.Status, problem.Value.Reason);
            return Results.StatusCode(problem.Value.Status);
        }

        // A failed check answers 401 with no detail; the reason is logged (protocols.md C.1).
        if (await authenticator.ValidateAsync(request.Headers.Authorization, activity, cancellationToken) is not null)
        {
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        if (authenticator.Required && activity.ServiceUrl is { } serviceUrl)
        {
            trusted.Trust(serviceUrl);
        }

        var replies = await processor.ProcessAsync(activity, cancellationToken);
        if (activity.DeliveryMode == ActivityTypes.ExpectReplies)
        {
            return Results.Json(new ExpectedReplies(replies ?? []), BotFrameworkJsonContext.Default.ExpectedReplies);
        }

        if (replies is null)
        {
            return activity.Type == ActivityTypes.Invoke ? Results.StatusCode(StatusCodes.Status501NotImplemented) : Results.Ok();
        }

        foreach (var reply in replies)
        {
            await connector.SendAsync(reply, cancellationToken);
        }

        return Results.Ok();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected an activity with {Status}: {Reason}")]
    private static partial void LogRejected(ILogger logger, int status, string reason);
}

/// <summary>Reads an activity from a request body: bounded in size, JSON checked, required fields checked.</summary>
public static class ActivityReader
{
    public static async Task<(Activity? Activity, (int Status, string Reason)? Problem)> ReadAsync(
        HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, (StatusCodes.Status413PayloadTooLarge, "body too large"));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, (StatusCodes.Status413PayloadTooLarge, "body too large"));
            }

            buffer.Write(chunk, 0, read);
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), BotFrameworkJsonContext.Default.Activity);
        }
        catch (JsonException)
        {
            return (null, (StatusCodes.Status400BadRequest, "malformed JSON"));
        }

        var invalid = activity is null ? "empty body" : ActivityProcessor.Validate(activity);
        return invalid is null ? (activity, null) : (null, (StatusCodes.Status400BadRequest, invalid));
    }
}
