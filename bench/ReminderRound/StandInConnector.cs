using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using MeetingBot.TestKit.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ReminderRound;

/// <summary>
/// The Connector's conversations API as the bot calls it to send, on a loopback port: every
/// <c>throttleEvery</c>th call is answered 429 with Retry-After: 1, as a busy Connector does; it
/// keeps the conversation of each reminder and the summary the secretary gets, with its own clock.
/// </summary>
internal sealed class StandInConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TaskCompletionSource<string> _summary = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<string> _reminders = new();
    private long _calls;
    private long _throttled;
    private long _firstReminder;
    private long _summaryAt;

    private StandInConnector(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";

    public Task<string> SummaryAsync => _summary.Task;

    public IReadOnlyList<string> Reminders => [.. _reminders];

    public long Throttled => Interlocked.Read(ref _throttled);

    /// <summary>From the first reminder to the summary, on this stand-in's clock.</summary>
    public TimeSpan Span => Stopwatch.GetElapsedTime(_firstReminder, _summaryAt);

    public static async Task<StandInConnector> StartAsync(int throttleEvery)
    {
        var app = LoopbackServer.CreateStandInBuilder().Build();
        var connector = new StandInConnector(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{**replyToId}", async (HttpRequest request, HttpResponse response, string conversationId) =>
        {
            if (Interlocked.Increment(ref connector._calls) % throttleEvery == 0)
            {
                Interlocked.Increment(ref connector._throttled);
                response.Headers.RetryAfter = "1";
                return Results.StatusCode(StatusCodes.Status429TooManyRequests);
            }

            using var body = await JsonDocument.ParseAsync(request.Body);
            var text = body.RootElement.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "";
            if (conversationId == "conversation-secretary")
            {
                connector._summaryAt = Stopwatch.GetTimestamp();
                connector._summary.TrySetResult(text);
            }
            else
            {
                Interlocked.CompareExchange(ref connector._firstReminder, Stopwatch.GetTimestamp(), 0);
                connector._reminders.Enqueue(conversationId);
            }

            return Results.Json(new { id = "sent" });
        });
        await app.StartAsync();
        connector.ServiceUrl = app.Address() + "/";
        return connector;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
