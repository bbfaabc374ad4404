using System.Net;
using System.Text;
using System.Text.Json;
using MeetingBot.Channels.BotFramework;
using MeetingBot.Conversations;
using MeetingBot.Conversations.Meetings;
using MeetingBot.Conversations.Outbound;
using MeetingBot.Meetings;
using MeetingBot.Meetings.Storage;
using MeetingBot.Storage;
using MeetingBot.TestKit;
using MeetingBot.TestKit.Conversations;
using MeetingBot.TestKit.Meetings;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

using MeetingBot.TestKit.Hosting;

namespace MeetingBot.Web.Tests;

/// <summary>
/// Recorded Teams payloads (TeamsPayloads/), signed by the stand-in identity server, drive the
/// dialog; replies reach the stand-in Connector with the bot's token.
/// </summary>
public sealed class TeamsConversationTests : AuthenticatedHostTest
{
    private const string ConversationId = "a:1pErSoNaLcHaT_Id-ForTeams;messageid=0";

    private int _sequence;

    [Fact]
    public async Task Installing_the_app_greets_asks_the_first_question_as_a_card_and_keeps_the_conversation_reference()
    {
        await PostAsync("installation-update.json");

        var sent = Sent();
        Assert.Contains("民主生活会准备助手", sent[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        var card = Card(sent[^1]);
        Assert.Equal("Input.ChoiceSet", card.GetProperty("body")[1].GetProperty("type").GetString());
        Assert.False(sent[^1].TryGetProperty("text", out _));

        var record = await RecordAsync();
        Assert.Equal(Connector.ServiceUrl, record.Address!.Property(BotFrameworkAddress.ServiceUrl));
        Assert.Equal("72f988bf-86f1-41af-91ab-2d7cd011db47", record.Address.Property(BotFrameworkAddress.TenantId));
    }

    [Fact]
    public async Task A_complete_self_check_runs_through_signed_teams_activities_cards_included()
    {
        await PostAsync("conversation-update.json");
        // The name comes from Teams, so its answer is left out.
        var answers = SelfCheckScript.Full().Where(answer => answer != "陈立新");
        foreach (var answer in answers)
        {
            await AnswerAsync(answer);
        }

        Assert.Contains("待补充事项", Sent()[^1].GetProperty("text").GetString(), StringComparison.Ordinal);
        await AnswerAsync("提交");
        Assert.Contains("已提交", Sent()[^1].GetProperty("text").GetString(), StringComparison.Ordinal);

        await AnswerAsync("查看草稿");
        var final = Sent();
        Assert.Contains(final, a => a.GetProperty("type").GetString() == "typing");
        Assert.Contains(final, a => a.TryGetProperty("text", out var text) && text.GetString()!.Contains("张明", StringComparison.Ordinal));
        Assert.Empty(Connector.Unexpected);
        Assert.True((await RecordAsync()).Dialog.Submitted);
    }

    [Fact]
    public async Task A_submitted_card_is_replaced_by_a_read_only_card_showing_the_answer()
    {
        await PostAsync("conversation-update.json");
        var card = Card(Sent()[^1]);

        await PostAsync("card-submit.json", value: Submission(card, "4"), replyToId: "sent-card-1");

        var (activityId, updated) = Assert.Single(Connector.Updated);
        Assert.Equal("sent-card-1", activityId);
        var answeredCard = Card(updated);
        Assert.False(answeredCard.TryGetProperty("actions", out _));
        Assert.Equal("已提交：组织生活会", answeredCard.GetProperty("body")[1].GetProperty("text").GetString());
        Assert.Contains("所在单位", Sent()[^1].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_click_on_an_earlier_card_is_recognised_as_stale_and_the_current_question_is_repeated()
    {
        await PostAsync("conversation-update.json");
        var oldCard = Card(Sent()[^1]);
        await PostAsync("card-submit.json", value: Submission(oldCard, "4"), replyToId: "first");
        var before = (await RecordAsync()).Dialog.Answers.Count;
        var sentBefore = Connector.Received.Count;

        await PostAsync("card-submit.json", value: Submission(oldCard, "2"), replyToId: "first");

        var replies = Sent()[sentBefore..];
        Assert.Contains("已经回答过", replies[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("所在单位", replies[^1].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Single(Connector.Updated);
        var record = await RecordAsync();
        Assert.Equal(before, record.Dialog.Answers.Count);
        Assert.Equal(["organizational"], record.Dialog.Answers["meeting_kind"].Selected);
    }

    [Fact]
    public async Task An_adaptive_card_action_invoke_is_answered_with_the_read_only_card_and_the_replies_follow()
    {
        await PostAsync("conversation-update.json");
        var card = Card(Sent()[^1]);
        var sentBefore = Connector.Received.Count;

        using var response = await PostAsync("adaptive-card-action.json", value: Submission(card, "4"), replyToId: "card-9");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("已提交：组织生活会", body.RootElement.GetProperty("value").GetProperty("body")[1].GetProperty("text").GetString());

        await Bot.Services.GetRequiredService<OutboundWork>().WhenIdleAsync();
        Assert.Contains("所在单位", Sent()[sentBefore..][^1].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(["organizational"], (await RecordAsync()).Dialog.Answers["meeting_kind"].Selected);
    }

    [Fact]
    public async Task The_prompt_card_is_an_adaptive_card_of_the_cards_own_lines_title_large_and_headings_bold()
    {
        var imported = await MeetingContent.ImportAsync(Bot.Services, MeetingScenario.MeetingFile("test:sec-1"));
        await PostAsync("message.json", text: "加入 " + imported.InvitationCode);
        var sentBefore = Connector.Received.Count;

        await PostAsync("message.json", text: "提示");

        var activity = Assert.Single(Sent()[sentBefore..]);
        Assert.False(activity.TryGetProperty("text", out _));
        var meeting = (await Bot.Services.GetRequiredService<MeetingStore>().ReadAsync(imported.Id, CancellationToken.None))!.Meeting;
        var person = meeting.EntryOf(new ChannelIdentity(ActivityTypes.MsTeams, "6c2f0b3e-8d4a-4f7e-9b1c-2a5d7e9f0c11"))!;
        var text = Bot.Services.GetRequiredService<PromptCards>().Card(meeting, person, selfCheck: null).Text;
        var blocks = Card(activity).GetProperty("body").EnumerateArray().ToArray();
        Assert.Equal(text.Split('\n', StringSplitOptions.RemoveEmptyEntries), blocks.Select(b => b.GetProperty("text").GetString()));
        Assert.All(blocks, b => Assert.True(b.GetProperty("wrap").GetBoolean()));
        Assert.Equal(("large", "bolder"), (blocks[0].GetProperty("size").GetString(), blocks[0].GetProperty("weight").GetString()));
        var heading = Assert.Single(blocks, b => b.GetProperty("text").GetString() == "一、会前核对事项");
        Assert.Equal("bolder", heading.GetProperty("weight").GetString());
        Assert.False(blocks[^1].TryGetProperty("weight", out _));
        Assert.Empty(Connector.Unexpected);
    }

    [Fact]
    public async Task In_a_group_chat_theBot_answers_only_when_mentioned_and_only_points_to_the_personal_chat()
    {
        using var unmentioned = await PostAsync("group-mention.json", text: "大家好", mentionedId: "28:someone-else");
        Assert.Equal(HttpStatusCode.OK, unmentioned.StatusCode);
        Assert.Empty(Connector.Received);

        await PostAsync("group-mention.json", text: "开始自查", mentionedId: "28:" + AppId);

        var reply = Assert.Single(Sent());
        Assert.Contains("私聊", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
        var store = Bot.Services.GetRequiredService<IDocumentStore>();
        Assert.Null(await store.ReadAsync(ConversationKeys.State("msteams", "19:meeting_GrOuPcHaT0123@thread.v2"), CancellationToken.None));
    }

    /// <summary>Answers the current question the way a Teams user would: through the card when it is one, else by typing.</summary>
    private async Task AnswerAsync(string answer)
    {
        var last = Sent()[^1];
        if (last.TryGetProperty("attachments", out _) && TryNumbers(Card(last), answer) is { } numbers)
        {
            await PostAsync("card-submit.json", value: Submission(Card(last), numbers), replyToId: "card-" + _sequence);
        }
        else
        {
            await PostAsync("message.json", text: answer);
        }
    }

    private static string? TryNumbers(JsonElement card, string answer)
    {
        var choices = card.GetProperty("body")[1].GetProperty("choices").EnumerateArray()
            .ToDictionary(c => c.GetProperty("title").GetString()!.Replace(" ★", "", StringComparison.Ordinal), c => c.GetProperty("value").GetString()!);
        var numbers = new List<string>();
        foreach (var token in answer.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (choices.ContainsValue(token))
            {
                numbers.Add(token);
            }
            else if (choices.TryGetValue(token, out var number))
            {
                numbers.Add(number);
            }
            else
            {
                return null;
            }
        }

        return string.Join(",", numbers);
    }

    /// <summary>What Teams sends back for the card's submit action with the given choices.</summary>
    private static string Submission(JsonElement card, string choices)
    {
        var data = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(card.GetProperty("actions")[0].GetProperty("data").GetRawText())!;
        data["choices"] = JsonSerializer.SerializeToElement(choices);
        return JsonSerializer.Serialize(data);
    }

    private static JsonElement Card(JsonElement activity) => activity.GetProperty("attachments")[0].GetProperty("content");

    private JsonElement[] Sent() => Connector.Received.Select(r => r.Activity).ToArray();

    private async Task<ConversationRecord> RecordAsync()
    {
        var stored = await Bot.Services.GetRequiredService<IDocumentStore>().ReadAsync(ConversationKeys.State("msteams", ConversationId), CancellationToken.None);
        return ConversationRecord.FromJson(stored!.Body);
    }

    private async Task<HttpResponseMessage> PostAsync(string payload, string text = "", string value = "null", string replyToId = "", string mentionedId = "")
    {
        var json = (await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "TeamsPayloads", payload)))
            .Replace("$serviceUrl", Connector.ServiceUrl, StringComparison.Ordinal)
            .Replace("$id", "1700000000" + Interlocked.Increment(ref _sequence), StringComparison.Ordinal)
            .Replace("$text", JsonEncodedText.Encode(text).ToString(), StringComparison.Ordinal)
            .Replace("$replyToId", replyToId, StringComparison.Ordinal)
            .Replace("$mentionedId", mentionedId, StringComparison.Ordinal)
            .Replace("$value", value, StringComparison.Ordinal);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + Identity.ChannelToken(AppId, Connector.ServiceUrl));
        var response = await Bot.Http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{payload} answered {(int)response.StatusCode}");
        return response;
    }
}
