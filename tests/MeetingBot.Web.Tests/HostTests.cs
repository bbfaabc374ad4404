using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using MeetingBot.Conversations;
using MeetingBot.Storage;
using MeetingBot.TestKit.Hosting;
using MeetingBot.TestKit.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace MeetingBot.Web.Tests;

/// <summary>How the host starts and what it says about itself: the development bypass, bad settings, health, switching the page off, bursts.</summary>
public sealed class HostTests
{
    [Fact]
    public async Task Without_an_app_id_outside_development_every_activity_is_refused_unless_the_development_bypass_is_set()
    {
        await using var closed = await RunningBot.StartAsync(["--BotFramework:DevelopmentOnlyAllowAnonymous=false"]);
        using (var refused = await closed.Http.PostAsJsonAsync("/api/messages", Activities.Message("帮助", "c-1", "a-1")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        var logs = new RecordingLoggers();
        await using var open = await RunningBot.StartAsync(configure: b => b.Logging.AddProvider(logs));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("DEVELOPMENT ONLY", StringComparison.Ordinal));
        Assert.NotEmpty(await open.Http.ExchangeAsync(Activities.Message("帮助", "c-2", "a-2")));
    }

    [Fact]
    public async Task In_the_development_environment_activities_without_a_token_are_accepted()
    {
        await using var bot = await RunningBot.StartAsync(["--environment=Development", "--BotFramework:DevelopmentOnlyAllowAnonymous=false"]);

        Assert.NotEmpty(await bot.Http.ExchangeAsync(Activities.Message("帮助", "c-3", "a-3")));
    }

    [Theory]
    [InlineData("--MicrosoftAppType=OneTenant", "MicrosoftAppType 'OneTenant' is not known")]
    [InlineData("--Storage:Provider=Postgres", "Storage:Provider 'Postgres'")]
    [InlineData("--Conversations:TurnTimeout=00:00:00", "Conversations:TurnTimeout")]
    public async Task A_wrong_setting_stops_the_start_naming_it(string setting, string expected)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => RunningBot.StartAsync([setting]));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_answers_liveness_and_readiness_asks_the_store()
    {
        var failing = (FailingStore?)null;
        await using var bot = await RunningBot.StartAsync(configure: b => b.Services.DecorateStore(store => failing = new FailingStore(store)));

        Assert.Equal(HttpStatusCode.OK, (await bot.Http.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bot.Http.GetAsync("/health/ready")).StatusCode);

        failing!.Failing = true;
        Assert.Equal(HttpStatusCode.OK, (await bot.Http.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await bot.Http.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task With_Direct_Line_off_neither_the_page_nor_its_endpoints_are_served()
    {
        await using var bot = await RunningBot.StartAsync(["--DirectLine:Enabled=false"]);

        Assert.Equal(HttpStatusCode.NotFound, (await bot.Http.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bot.Http.PostAsync("/v3/directline/tokens/generate", JsonContent.Create(new { user = new { id = "dl_0123456789abcdef0123" } }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bot.Http.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task Twelve_simultaneous_messages_on_one_conversation_are_all_answered_and_kept_once()
    {
        await using var bot = await RunningBot.StartAsync();
        await bot.Http.ExchangeAsync(Activities.Message("1", "burst", "b-0"));
        // Twelve times the same text, so whatever order they arrive in, the outcome must be the one
        // of sending them one after another (here, on another conversation).
        var answers = Enumerable.Repeat("1", 12).ToArray();
        await bot.Http.ExchangeAsync(Activities.Message("1", "in-turn", "s-0"));
        foreach (var (text, i) in answers.Select((text, i) => (text, i)))
        {
            await bot.Http.ExchangeAsync(Activities.Message(text, "in-turn", $"s-{i + 1}"));
        }

        var responses = await Task.WhenAll(answers.Select((text, i) => bot.Http.PostAsJsonAsync("/api/messages", Activities.Message(text, "burst", $"b-{i + 1}"))));

        Assert.All(responses, r => Assert.True(r.StatusCode == HttpStatusCode.OK || (r.StatusCode == HttpStatusCode.ServiceUnavailable && r.Headers.RetryAfter is not null), $"answered {(int)r.StatusCode}"));
        var stored = await bot.Services.GetRequiredService<IDocumentStore>().ReadAsync(ConversationKeys.State("test", "burst"), CancellationToken.None);
        var record = ConversationRecord.FromJson(stored!.Body);
        var acknowledged = responses.Select((r, i) => (r, Id: $"b-{i + 1}")).Where(x => x.r.StatusCode == HttpStatusCode.OK).Select(x => x.Id).ToHashSet();
        Assert.Equal(acknowledged.Order(), record.RecentActivityIds.Where(acknowledged.Contains).Order());
        Assert.Equal(record.RecentActivityIds.Count, record.RecentActivityIds.Distinct().Count());
        var inTurn = ConversationRecord.FromJson((await bot.Services.GetRequiredService<IDocumentStore>().ReadAsync(ConversationKeys.State("test", "in-turn"), CancellationToken.None))!.Body);
        Assert.Equal(13, acknowledged.Count + 1);
        Assert.Equal(inTurn.Dialog.Answers.Keys.Order(), record.Dialog.Answers.Keys.Order());
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    private sealed class RecordingLoggers : ILoggerProvider
    {
        public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Recorder(this);

        public void Dispose()
        {
        }

        private sealed class Recorder(RecordingLoggers owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Entries.Enqueue((logLevel, formatter(state, exception)));
        }
    }
}
