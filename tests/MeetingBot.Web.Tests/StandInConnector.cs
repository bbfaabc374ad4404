using System.Collections.Concurrent;
using System.Text.Json;
using MeetingBot.TestKit.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeetingBot.Web.Tests;

/// <summary>
/// A stand-in for the Bot Framework Connector on loopback: records replies POSTed to
/// v3/conversations/{id}/activities/{replyToId} and answers anything else with 404, recording it
/// as unexpected so the test can fail on it.
/// </summary>
public sealed class StandInConnector : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StandInConnector(WebApplication app) => _app = app;

    public ConcurrentQueue<(string Path, JsonElement Activity)> Received { get; } = new();

    public ConcurrentQueue<string> Unexpected { get; } = new();

    /// <summary>Bodies of conversations created (proactive messaging).</summary>
    public ConcurrentQueue<JsonElement> Created { get; } = new();

    /// <summary>Activities replaced with PUT (e.g. an answered card), by activity id.</summary>
    public ConcurrentQueue<(string ActivityId, JsonElement Activity)> Updated { get; } = new();

    /// <summary>When set, every call must carry this bearer token; others are refused and recorded as unexpected. When null, a call with a token is recorded as unexpected.</summary>
    public string? RequiredToken { get; set; }

    /// <summary>Statuses to answer before accepting (e.g. 429 with Retry-After); each is used once.</summary>
    public ConcurrentQueue<(int Status, string? RetryAfter)> Failures { get; } = new();

    /// <summary>Every call that arrived, accepted or not.</summary>
    public int Attempts => _attempts;

    private int _attempts;

    public string ServiceUrl { get; private set; } = "";

    public static async Task<StandInConnector> StartAsync()
    {
        var builder = LoopbackServer.CreateStandInBuilder();
        var app = builder.Build();
        var connector = new StandInConnector(app);
        app.MapPost("/connector/v3/conversations/{conversationId}/activities/{**replyToId}", async (HttpRequest request, HttpResponse response) =>
        {
            Interlocked.Increment(ref connector._attempts);
            if (connector.RequiredToken is { } token && request.Headers.Authorization != "Bearer " + token)
            {
                connector.Unexpected.Enqueue("call without the expected bearer token");
                return Results.Unauthorized();
            }

            if (connector.RequiredToken is null && request.Headers.Authorization.Count > 0)
            {
                connector.Unexpected.Enqueue("a token where the bot has no app id to get one");
            }

            if (connector.Failures.TryDequeue(out var failure))
            {
                if (failure.RetryAfter is not null)
                {
                    response.Headers.RetryAfter = failure.RetryAfter;
                }

                return Results.StatusCode(failure.Status);
            }

            using var body = await JsonDocument.ParseAsync(request.Body);
            // The raw target shows the escaping exactly as the bot sent it.
            connector.Received.Enqueue((request.HttpContext.Features.Get<IHttpRequestFeature>()!.RawTarget, body.RootElement.Clone()));
            return Results.Json(new { id = "sent-" + connector.Received.Count });
        });
        app.MapPut("/connector/v3/conversations/{conversationId}/activities/{activityId}", async (HttpRequest request, string activityId) =>
        {
            if (connector.RequiredToken is { } token && request.Headers.Authorization != "Bearer " + token)
            {
                connector.Unexpected.Enqueue("update without the expected bearer token");
                return Results.Unauthorized();
            }

            using var body = await JsonDocument.ParseAsync(request.Body);
            connector.Updated.Enqueue((activityId, body.RootElement.Clone()));
            return Results.Json(new { id = activityId });
        });
        app.MapPost("/connector/v3/conversations", async (HttpRequest request) =>
        {
            if (connector.RequiredToken is { } token && request.Headers.Authorization != "Bearer " + token)
            {
                connector.Unexpected.Enqueue("create without the expected bearer token");
                return Results.Unauthorized();
            }

            using var body = await JsonDocument.ParseAsync(request.Body);
            connector.Created.Enqueue(body.RootElement.Clone());
            return Results.Json(new { id = "a:new-personal-chat-" + connector.Created.Count });
        });
        app.MapFallback((HttpRequest request) =>
        {
            connector.Unexpected.Enqueue($"{request.Method} {request.Path}");
            return Results.NotFound();
        });
        await app.StartAsync();
        var address = app.Address();
        connector.ServiceUrl = address + "/connector";
        return connector;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
