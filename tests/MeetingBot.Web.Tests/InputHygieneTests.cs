using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MeetingBot.Conversations;
using MeetingBot.Dialogs.Bank;
using MeetingBot.Storage;
using MeetingBot.TestKit.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace MeetingBot.Web.Tests;

/// <summary>
/// What a clumsy client sends to /api/messages: blank and invisible answers, control characters,
/// a byte order mark, a body that is not declared JSON. Each gets what a user would want, and bad
/// input changes nothing.
/// </summary>
public sealed class InputHygieneTests : IAsyncLifetime
{
    private RunningBot _bot = null!;

    private static string ReAsk => DirectLineTestClient.Bank.Message(MessageKeys.TextHint);

    public async Task InitializeAsync() => _bot = await RunningBot.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("spaces", "   ")]
    [InlineData("ideographic spaces", "\u3000\u3000")]
    [InlineData("nul and zero-width", "\u0000\u200B\u200B")]
    [InlineData("escape and bidi marks", "\u001b\u202E\u2060\uFEFF\n")]
    public async Task A_blank_or_invisible_answer_is_asked_again_and_nothing_is_kept(string name, string text)
    {
        var conversation = "blank-" + name.Replace(' ', '-');
        await _bot.Http.ExchangeAsync(Activities.Message("4", conversation, "m1"));

        var replies = await _bot.Http.ExchangeAsync(Activities.Message(text, conversation, "m2"));

        Assert.Contains(ReAsk, string.Join("\n", replies), StringComparison.Ordinal);
        Assert.Contains(DirectLineTestClient.Prompt("unit"), replies[^1], StringComparison.Ordinal);
        Assert.Equal(["meeting_kind"], (await StateAsync(conversation)).Dialog.Answers.Keys);
    }

    [Fact]
    public async Task Control_characters_inside_an_answer_never_reach_the_draft()
    {
        await _bot.Http.ExchangeAsync(Activities.Message("4", "controls", "m1"));
        await _bot.Http.ExchangeAsync(Activities.Message("市交通\u0000运输局\u001b[2J\u200B", "controls", "m2"));

        var draft = string.Join("\n", await _bot.Http.ExchangeAsync(Activities.Message(DirectLineTestClient.Bank.Commands.First(Command.Draft), "controls", "m3")));

        Assert.Contains("市交通运输局[2J", draft, StringComparison.Ordinal);
        Assert.DoesNotContain(draft, c => char.IsControl(c) && c is not '\n' and not '\r' || c == '\u200B');
    }

    [Fact]
    public async Task A_body_with_a_utf8_byte_order_mark_is_read()
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(Activities.Message("1", "bom", "m1"));
        using var content = new ByteArrayContent([0xEF, 0xBB, 0xBF, .. json]);
        content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };

        using var response = await _bot.Http.PostAsync("/api/messages", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["meeting_kind"], (await StateAsync("bom")).Dialog.Answers.Keys);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data")]
    public async Task A_body_not_declared_json_is_refused_with_415_and_stores_nothing(string mediaType)
    {
        // What a form or fetch on any web page may send without a CORS preflight.
        using var content = new StringContent(JsonSerializer.Serialize(Activities.Message("1", "not-json", "m1")), Encoding.UTF8, mediaType);

        using var response = await _bot.Http.PostAsync("/api/messages", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Null(await _bot.Services.GetRequiredService<IDocumentStore>().ReadAsync(ConversationKeys.State("test", "not-json"), CancellationToken.None));
    }

    [Fact]
    public async Task Json_with_a_structured_suffix_is_json()
    {
        using var content = JsonContent.Create(Activities.Message("1", "suffix", "m1"), new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.activity+json"));

        using var response = await _bot.Http.PostAsync("/api/messages", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<ConversationRecord> StateAsync(string conversationId) =>
        ConversationRecord.FromJson((await _bot.Services.GetRequiredService<IDocumentStore>().ReadAsync(ConversationKeys.State("test", conversationId), CancellationToken.None))!.Body);
}
