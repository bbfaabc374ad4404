using System.Net;
using System.Net.Http.Json;
using MeetingBot.Channels.BotFramework;
using MeetingBot.Conversations;
using MeetingBot.Conversations.Outbound;
using MeetingBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

using MeetingBot.TestKit.Hosting;

namespace MeetingBot.Web.Tests;

/// <summary>
/// Replies to authenticated activities go to the Connector with the bot's own token (client
/// credentials from the stand-in token endpoint), with retries where the Connector asks for them.
/// </summary>
public sealed class OutboundConnectorTests : AuthenticatedHostTest
{
    [Fact]
    public async Task Replies_carry_the_token_obtained_by_client_credentials()
    {
        using var response = await SendAsync("帮助", "c-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Connector.Unexpected);
        Assert.Equal(2, Connector.Received.Count);
        var tokenRequest = Assert.Single(Identity.TokenRequests);
        Assert.Equal("client_credentials", tokenRequest["grant_type"]);
        Assert.Equal(AppId, tokenRequest["client_id"]);
        Assert.Equal("stand-in-secret", tokenRequest["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", tokenRequest["scope"]);

        await SendAsync("进度", "c-2");
        Assert.Single(Identity.TokenRequests);
    }

    [Fact]
    public async Task A_429_with_retry_after_is_retried_and_the_reply_arrives_once()
    {
        Connector.Failures.Enqueue((429, "0"));
        Connector.Failures.Enqueue((502, null));

        using var response = await SendAsync("帮助", "r-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, Connector.Received.Count);
        Assert.Equal(4, Connector.Attempts);
    }

    [Fact]
    public async Task A_Connector_failure_after_the_answer_is_stored_is_acknowledged_and_the_replies_follow_in_the_background()
    {
        Connector.Failures.Enqueue((500, null));

        using var failed = await SendAsync("组织生活会", "f-1");
        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        await Bot.Services.GetRequiredService<OutboundWork>().WhenIdleAsync();
        Assert.Contains("所在单位", Assert.Single(Connector.Received).Activity.GetProperty("text").GetString(), StringComparison.Ordinal);

        using var redelivered = await SendAsync("组织生活会", "f-1");
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        var stored = await Bot.Services.GetRequiredService<IDocumentStore>().ReadAsync(ConversationKeys.State("test", "conv-f"), CancellationToken.None);
        Assert.Single(ConversationRecord.FromJson(stored!.Body).Dialog.Answers);
    }

    [Fact]
    public async Task A_conversation_is_created_for_proactive_messages_only_on_a_trusted_service_url()
    {
        var connector = Bot.Services.GetRequiredService<ConnectorClient>();
        var parameters = new ConversationParameters
        {
            Bot = new ChannelAccount { Id = "28:" + AppId },
            Members = [new ChannelAccount { Id = "29:1Xyz-TeamsUserId_aBcD" }],
            TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47",
        };

        await Assert.ThrowsAsync<InvalidOperationException>(() => connector.CreateConversationAsync(Connector.ServiceUrl, parameters, CancellationToken.None));
        Assert.Empty(Connector.Created);

        using var _ = await SendAsync("帮助", "p-1");
        var id = await connector.CreateConversationAsync(Connector.ServiceUrl, parameters, CancellationToken.None);

        Assert.Equal("a:new-personal-chat-1", id);
        var created = Assert.Single(Connector.Created);
        Assert.Equal("29:1Xyz-TeamsUserId_aBcD", created.GetProperty("members")[0].GetProperty("id").GetString());
        Assert.Equal("72f988bf-86f1-41af-91ab-2d7cd011db47", created.GetProperty("tenantId").GetString());
        Assert.Empty(Connector.Unexpected);
    }

    private async Task<HttpResponseMessage> SendAsync(string text, string activityId)
    {
        var activity = Activities.Message(text, "conv-" + activityId[..1], activityId, Connector.ServiceUrl, deliveryMode: null);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + Identity.ChannelToken(AppId, Connector.ServiceUrl));
        return await Bot.Http.SendAsync(request);
    }
}
