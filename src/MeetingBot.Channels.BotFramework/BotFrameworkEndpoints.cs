using System.Text.Json.Nodes;
using MeetingBot.Channels.BotFramework.Authentication;
using MeetingBot.Channels.BotFramework.Files;
using MeetingBot.Channels.BotFramework.Teams;
using MeetingBot.Conversations;
using MeetingBot.Conversations.Outbound;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace MeetingBot.Channels.BotFramework;

/// <summary>POST /api/messages: the Bot Framework messaging endpoint (docs/protocols.md A.6, A.7), and the file links of its replies.</summary>
public static class BotFrameworkEndpoints
{
    /// <summary>What a busy conversation's sender is asked to wait before sending again.</summary>
    private const string RetryAfterSeconds = "1";

    public static IEndpointRouteBuilder MapBotFrameworkEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", HandleAsync);
        endpoints.MapFileEndpoints();
        return endpoints;
    }

    /// <summary>The bot's own base URL as the caller reached it (for links in replies).</summary>
    public static string BaseUrlOf(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    private static async Task<IResult> HandleAsync(
        HttpRequest request,
        ActivityProcessor processor,
        InboundAuthenticator authenticator,
        TrustedServiceUrls trusted,
        ConnectorClient connector,
        OutboundWork background,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(BotFrameworkEndpoints).FullName!);
        var (activity, problem) = await ActivityReader.ReadAsync(request, cancellationToken);
        if (activity is null)
        {
            Log.ActivityRejected(logger, problem!.Value.Status, problem.Value.Reason);
            return Results.StatusCode(problem.Value.Status);
        }

        // The Web Chat page's conversations belong to the bot's own Direct Line, which checks its
        // tokens itself; taken here, a conversation id alone would open someone's self-check.
        if (string.Equals(activity.ChannelId, ActivityTypes.DirectLine, StringComparison.OrdinalIgnoreCase))
        {
            Log.ActivityRejected(logger, StatusCodes.Status403Forbidden, "the directline channel is served by /v3/directline only");
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        // A failed check answers 401 with no detail; the reason is logged (docs/protocols.md C.1).
        if (await authenticator.ValidateAsync(request.Headers.Authorization, activity, cancellationToken) is { } reason)
        {
            Log.ActivityRejected(logger, StatusCodes.Status401Unauthorized, reason);
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        var authenticated = authenticator.Required;
        if (authenticated && activity.ServiceUrl is { } serviceUrl)
        {
            trusted.Trust(serviceUrl);
        }

        var turn = await processor.RunAsync(activity, authenticated, BaseUrlOf(request), cancellationToken);
        if (turn?.Outcome == TurnOutcome.Refused)
        {
            Log.ActivityRejected(logger, StatusCodes.Status403Forbidden, "from.id is not the conversation's user");
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        if (turn?.Outcome == TurnOutcome.Busy)
        {
            request.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        if (activity.Type == ActivityTypes.Invoke)
        {
            return Invoked(turn, connector, background);
        }

        if (activity.DeliveryMode == ActivityTypes.ExpectReplies)
        {
            return Results.Json(new ExpectedReplies(turn?.Replies ?? []), BotFrameworkJsonContext.Default.ExpectedReplies);
        }

        if (turn is not null)
        {
            await DeliverAsync(activity, turn, connector, background, logger, cancellationToken);
        }

        return Results.Ok();
    }

    /// <summary>
    /// Sends the replies through the Connector. The answer is stored already, so a reply that cannot be
    /// delivered now (the Connector failed, or the caller went away) is sent again in the background
    /// and the request is still acknowledged: redelivering it would only repeat the replies.
    /// </summary>
    private static async Task DeliverAsync(Activity activity, ActivityTurn turn, ConnectorClient connector, OutboundWork background, ILogger logger, CancellationToken cancellationToken)
    {
        var pending = new List<Activity>();
        if (turn.AnsweredCard is { } card && activity.ReplyToId is { } cardId)
        {
            pending.Add(ActivityProcessor.ReplyTo(activity) with { Id = cardId, ReplyToId = null, Attachments = [AdaptiveCards.Attachment(card)] });
        }

        pending.AddRange(turn.Replies);
        for (var sent = 0; sent < pending.Count; sent++)
        {
            try
            {
                await SendAsync(connector, pending[sent], cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                Log.DeliveryDeferred(logger, e.GetType().Name, pending.Count - sent);
                var rest = pending.Skip(sent).ToArray();
                var unsent = 0;
                background.Retry(async stopping =>
                {
                    for (; unsent < rest.Length; unsent++)
                    {
                        await SendAsync(connector, rest[unsent], stopping);
                    }
                });
                return;
            }
        }
    }

    private static Task<ResourceResponse?> SendAsync(ConnectorClient connector, Activity activity, CancellationToken cancellationToken) =>
        activity.Id is null ? connector.SendAsync(activity, cancellationToken) : connector.UpdateAsync(activity, cancellationToken);

    /// <summary>
    /// An invoke is answered in the HTTP response (A.7): the answered card replaces the clicked one,
    /// or, for a click on an old card, a short message; the turn's replies follow in the background.
    /// Unknown invokes get 501.
    /// </summary>
    private static IResult Invoked(ActivityTurn? turn, ConnectorClient connector, OutboundWork background)
    {
        if (turn is null)
        {
            return Results.StatusCode(StatusCodes.Status501NotImplemented);
        }

        var unsent = 0;
        background.Retry(async stopping =>
        {
            for (; unsent < turn.Replies.Count; unsent++)
            {
                await connector.SendAsync(turn.Replies[unsent], stopping);
            }
        });
        var response = turn.AnsweredCard is { } card
            ? new JsonObject { ["statusCode"] = 200, ["type"] = AdaptiveCards.ContentType, ["value"] = card }
            : new JsonObject { ["statusCode"] = 200, ["type"] = "application/vnd.microsoft.activity.message", ["value"] = turn.Replies.FirstOrDefault(r => r.Text is not null)?.Text ?? "" };
        return Results.Json(response, BotFrameworkJsonContext.Default.JsonObject);
    }
}

/// <summary>Reads an activity from a request body: bounded in size, JSON checked, required fields checked.</summary>
public static class ActivityReader
{
    public static async Task<(Activity? Activity, (int Status, string Reason)? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (activity, status) = await JsonBody.ReadAsync(request, BotFrameworkJsonContext.Default.Activity, cancellationToken);
        if (status is { } failed)
        {
            return (null, (failed, JsonBody.Describe(failed)));
        }

        var invalid = activity is null ? "empty body" : ActivityProcessor.Validate(activity);
        return invalid is null ? (activity, null) : (null, (StatusCodes.Status400BadRequest, invalid));
    }
}
