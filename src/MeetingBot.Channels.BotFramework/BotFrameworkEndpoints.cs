using System.Text.Json.Nodes;
using MeetingBot.Channels.BotFramework.Authentication;
using MeetingBot.Channels.BotFramework.Teams;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace MeetingBot.Channels.BotFramework;

/// <summary>POST /api/messages: the Bot Framework messaging endpoint (protocols.md A.6, A.7).</summary>
public static partial class BotFrameworkEndpoints
{
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
        BackgroundReplies background,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(BotFrameworkEndpoints).FullName!);
        var (activity, problem) = await ActivityReader.ReadAsync(request, cancellationToken);
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

        var turn = await processor.RunAsync(activity, cancellationToken);
        if (activity.Type == ActivityTypes.Invoke)
        {
            return Invoked(turn, background);
        }

        if (activity.DeliveryMode == ActivityTypes.ExpectReplies)
        {
            return Results.Json(new ExpectedReplies(turn?.Replies ?? []), BotFrameworkJsonContext.Default.ExpectedReplies);
        }

        if (turn is null)
        {
            return Results.Ok();
        }

        if (turn.AnsweredCard is { } card && activity.ReplyToId is { } cardId)
        {
            await connector.UpdateAsync(ActivityProcessor.Reply(activity) with { Id = cardId, ReplyToId = null, Attachments = [AdaptiveCards.Attachment(card)] }, cancellationToken);
        }

        foreach (var reply in turn.Replies)
        {
            await connector.SendAsync(reply, cancellationToken);
        }

        return Results.Ok();
    }

    /// <summary>
    /// An invoke is answered in the HTTP response (A.7): the answered card replaces the clicked one,
    /// or, for a click on an old card, a short message; the turn's replies follow in the background.
    /// Unknown invokes get 501.
    /// </summary>
    private static IResult Invoked(ActivityTurn? turn, BackgroundReplies background)
    {
        if (turn is null)
        {
            return Results.StatusCode(StatusCodes.Status501NotImplemented);
        }

        background.Send(turn.Replies);
        var response = turn.AnsweredCard is { } card
            ? new JsonObject { ["statusCode"] = 200, ["type"] = AdaptiveCards.ContentType, ["value"] = card }
            : new JsonObject { ["statusCode"] = 200, ["type"] = "application/vnd.microsoft.activity.message", ["value"] = turn.Replies.FirstOrDefault(r => r.Text is not null)?.Text ?? "" };
        return Results.Json(response, BotFrameworkJsonContext.Default.JsonObject);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected an activity with {Status}: {Reason}")]
    private static partial void LogRejected(ILogger logger, int status, string reason);
}

/// <summary>Reads an activity from a request body: bounded in size, JSON checked, required fields checked.</summary>
public static class ActivityReader
{
    public static async Task<(Activity? Activity, (int Status, string Reason)? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (activity, status) = await JsonBody.ReadAsync(request, BotFrameworkJsonContext.Default.Activity, cancellationToken);
        if (status is { } failed)
        {
            return (null, (failed, failed == StatusCodes.Status413PayloadTooLarge ? "body too large" : "malformed JSON"));
        }

        var invalid = activity is null ? "empty body" : ActivityProcessor.Validate(activity);
        return invalid is null ? (activity, null) : (null, (StatusCodes.Status400BadRequest, invalid));
    }
}
