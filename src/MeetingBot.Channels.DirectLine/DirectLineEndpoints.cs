using MeetingBot.Channels.BotFramework;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeetingBot.Channels.DirectLine;

/// <summary>
/// The subset of Direct Line 3.0 that Web Chat uses with <c>webSocket: false</c> (docs/protocols.md D.1, D.4),
/// served by the bot itself under <see cref="BasePath"/>. Statuses follow what DirectLineJS reacts to:
/// 403 for any token problem (it then reports an expired token), 404 for a conversation the token
/// does not open (polling stops), 200 with an empty list when nothing is new.
/// </summary>
public static class DirectLineEndpoints
{
    public const string BasePath = "/v3/directline";

    /// <summary>
    /// The largest body accepted: a typed answer (at most 2,000 characters) with what Web Chat adds
    /// fits several times over, and every post is kept in the conversation's log.
    /// </summary>
    public const int MaxBodyBytes = 32 * 1024;

    /// <summary>
    /// Maps the endpoints unless DirectLine:Enabled is false. /tokens/generate only for the page
    /// without sign-in; signed-in sessions get their tokens from the host.
    /// </summary>
    public static IEndpointRouteBuilder MapDirectLineEndpoints(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<DirectLineOptions>>().Value is not { Enabled: true } options)
        {
            return endpoints;
        }

        var group = endpoints.MapGroup(BasePath).AddEndpointFilter(AllowAnyOrigin);
        group.MapMethods("/{**path}", [HttpMethods.Options], () => Results.NoContent());
        if (options.Access == DirectLineAccess.AnonymousPage)
        {
            group.MapPost("/tokens/generate", GenerateTokenAsync);
        }

        group.MapPost("/tokens/refresh", RefreshTokenAsync);
        group.MapPost("/conversations", StartConversationAsync);
        group.MapGet("/conversations/{conversationId}", ReconnectAsync);
        group.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        return endpoints;
    }

    /// <summary>
    /// A page on another origin may embed the chat: DirectLineJS sends Authorization, Content-Type and
    /// x-ms-bot-agent, so the browser asks first (D.4). Any origin is fine: access needs a bearer token,
    /// never a cookie.
    /// </summary>
    private static ValueTask<object?> AllowAnyOrigin(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.AccessControlAllowOrigin = "*";
        headers.AccessControlAllowHeaders = "Authorization, Content-Type, x-ms-bot-agent";
        headers.AccessControlAllowMethods = "GET, POST, OPTIONS";
        headers.AccessControlMaxAge = "600";
        return next(context);
    }

    /// <summary>
    /// POST /tokens/generate {"user":{"id":"dl_..."}}: a token for the page's user id, served only for
    /// the page without sign-in. The official service wants the secret here; this local channel has
    /// none (see <see cref="DirectLineTokens"/>).
    /// </summary>
    private static async Task<IResult> GenerateTokenAsync(HttpRequest request, DirectLineTokens tokens, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (parameters, status) = await JsonBody.ReadAsync(request, DirectLineJsonContext.Default.TokenParameters, cancellationToken, MaxBodyBytes);
        if (status is { } failed)
        {
            return Reject(loggers, failed, "unreadable token request");
        }

        if (!DirectLineTokens.IsValidUserId(parameters?.User?.Id))
        {
            return Reject(loggers, StatusCodes.Status400BadRequest, "user.id missing or not a dl_ id of 16 to 64 letters, digits, - or _");
        }

        var (token, identity) = await tokens.IssueAsync(new DirectLineUser(parameters!.User!.Id!), cancellationToken);
        return Results.Json(new DirectLineConversation(identity.ConversationId, token, tokens.LifetimeSeconds), DirectLineJsonContext.Default.DirectLineConversation);
    }

    private static async Task<IResult> RefreshTokenAsync(HttpRequest request, DirectLineTokens tokens, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (await AuthenticateAsync(request, tokens, cancellationToken) is not { } identity)
        {
            return Reject(loggers, StatusCodes.Status403Forbidden, "missing, invalid or expired token");
        }

        var (token, _) = await tokens.IssueAsync(identity.User, cancellationToken);
        return Results.Json(new DirectLineConversation(identity.ConversationId, token, tokens.LifetimeSeconds), DirectLineJsonContext.Default.DirectLineConversation);
    }

    /// <summary>POST /conversations: 201 when this process had no log of the conversation yet, 200 otherwise.</summary>
    private static async Task<IResult> StartConversationAsync(
        HttpRequest request, DirectLineTokens tokens, DirectLineConversations conversations, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (await AuthenticateAsync(request, tokens, cancellationToken) is not { } identity)
        {
            return Reject(loggers, StatusCodes.Status403Forbidden, "missing, invalid or expired token");
        }

        var (parameters, status) = await JsonBody.ReadAsync(request, DirectLineJsonContext.Default.TokenParameters, cancellationToken, MaxBodyBytes);
        if (status is { } failed)
        {
            return Reject(loggers, failed, "unreadable conversation parameters");
        }

        var created = await conversations.StartAsync(identity, parameters?.User, parameters?.Locale, ServiceUrlOf(request), cancellationToken);
        return await ConversationAsync(identity, tokens, created ? StatusCodes.Status201Created : StatusCodes.Status200OK, cancellationToken);
    }

    /// <summary>GET /conversations/{id}?watermark=: how DirectLineJS resumes a conversation it knows the id of.</summary>
    private static async Task<IResult> ReconnectAsync(
        string conversationId, HttpRequest request, DirectLineTokens tokens, DirectLineConversations conversations, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (identity, _, rejected) = await OpenAsync(conversationId, request, tokens, conversations, loggers, cancellationToken);
        return rejected ?? await ConversationAsync(identity!, tokens, StatusCodes.Status200OK, cancellationToken);
    }

    private static async Task<IResult> GetActivitiesAsync(
        string conversationId, string? watermark, HttpRequest request, DirectLineTokens tokens, DirectLineConversations conversations, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (_, log, rejected) = await OpenAsync(conversationId, request, tokens, conversations, loggers, cancellationToken);
        return rejected ?? Results.Json(await conversations.ReadAsync(log!, watermark, ServiceUrlOf(request), cancellationToken), DirectLineJsonContext.Default.ActivitySet);
    }

    /// <summary>POST /conversations/{id}/activities: 200 {"id"} once the bot has answered; 503 when the conversation is busy; 502 when the bot failed (D.1).</summary>
    private static async Task<IResult> PostActivityAsync(
        string conversationId, HttpRequest request, DirectLineTokens tokens, DirectLineConversations conversations, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (identity, log, rejected) = await OpenAsync(conversationId, request, tokens, conversations, loggers, cancellationToken);
        if (rejected is not null)
        {
            return rejected;
        }

        // Not ActivityReader: its checks want conversation.id, which Web Chat never sends; it is stamped first.
        var (posted, status) = await JsonBody.ReadAsync(request, BotFrameworkJsonContext.Default.Activity, cancellationToken, MaxBodyBytes);
        if (status is not null || posted is null)
        {
            return Reject(loggers, status ?? StatusCodes.Status400BadRequest, status is null ? "empty body" : "unreadable activity");
        }

        var activity = conversations.Stamp(posted, identity!, ServiceUrlOf(request));
        if (ActivityProcessor.Validate(activity) is { } invalid)
        {
            return Reject(loggers, StatusCodes.Status400BadRequest, invalid);
        }

        // The turn is keyed by it, and the key is remembered in the stored conversation.
        if (ConversationLog.ClientActivityIdOf(activity)?.Length > ActivityProcessor.MaxIdLength)
        {
            return Reject(loggers, StatusCodes.Status400BadRequest, $"channelData.clientActivityID may have at most {ActivityProcessor.MaxIdLength} characters");
        }

        var outcome = await conversations.PostAsync(log!, activity, identity!, ServiceUrlOf(request), cancellationToken);
        switch (outcome.Result)
        {
            case PostResult.Busy:
                // Web Chat sends the same activity again (same clientActivityID), which is then answered once.
                request.HttpContext.Response.Headers.RetryAfter = "1";
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            case PostResult.Failed:
                return Results.StatusCode(StatusCodes.Status502BadGateway);
            default:
                return Results.Json(new ResourceResponse(outcome.Id), DirectLineJsonContext.Default.ResourceResponse);
        }
    }

    /// <summary>
    /// A token opens exactly one conversation, its user's. Any other id is answered 404, like one that
    /// was never started: whether someone else's conversation exists is not told.
    /// </summary>
    private static async Task<(DirectLineIdentity? Identity, ConversationLog? Log, IResult? Rejected)> OpenAsync(
        string conversationId, HttpRequest request, DirectLineTokens tokens, DirectLineConversations conversations, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (await AuthenticateAsync(request, tokens, cancellationToken) is not { } identity)
        {
            return (null, null, Reject(loggers, StatusCodes.Status403Forbidden, "missing, invalid or expired token"));
        }

        var log = conversationId == identity.ConversationId ? await conversations.FindAsync(conversationId, cancellationToken) : null;
        return log is null
            ? (identity, null, Reject(loggers, StatusCodes.Status404NotFound, "unknown conversation"))
            : (identity, log, null);
    }

    private static async Task<DirectLineIdentity?> AuthenticateAsync(HttpRequest request, DirectLineTokens tokens, CancellationToken cancellationToken)
    {
        const string Scheme = "Bearer ";
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            ? await tokens.ValidateAsync(header[Scheme.Length..].Trim(), cancellationToken)
            : null;
    }

    /// <summary>The Conversation answer, with a fresh token: DirectLineJS replaces its own with it (D.4).</summary>
    private static async Task<IResult> ConversationAsync(DirectLineIdentity identity, DirectLineTokens tokens, int status, CancellationToken cancellationToken)
    {
        var (token, _) = await tokens.IssueAsync(identity.User, cancellationToken);
        var conversation = new DirectLineConversation(identity.ConversationId, token, tokens.LifetimeSeconds, StreamUrl: "");
        return Results.Json(conversation, DirectLineJsonContext.Default.DirectLineConversation, statusCode: status);
    }

    private static string ServiceUrlOf(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    private static IResult Reject(ILoggerFactory loggers, int status, string reason)
    {
        var logger = loggers.CreateLogger(typeof(DirectLineEndpoints).FullName!);
        Log.RequestRejected(logger, status, reason);
        return Results.StatusCode(status);
    }
}
