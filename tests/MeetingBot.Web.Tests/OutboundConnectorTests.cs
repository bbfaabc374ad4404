using System.Net;
using System.Net.Http.Json;
using MeetingBot.Channels.BotFramework;
using MeetingBot.Conversations;
using MeetingBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

using MeetingBot.TestKit.Hosting;

namespace MeetingBot.Web.Tests;

/// <summary>
/// Replies to authenticated activities go to the Connector with the bot's own token (client
/// credentials from the stand-in token endpoint), with retries where the Connector asks for them.
/// </summary>
public sealed class OutboundConnectorTests : IAsyncLifetime
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";

    private StandInIdentityServer _identity = null!;
    private StandInConnector _connector = null!;
    private RunningBot _bot = null!;

    public async Task InitializeAsync()
    {
        _identity = await StandInIdentityServer.StartAsync();
        _connector = await StandInConnector.StartAsync();
        _connector.RequiredToken = StandInIdentityServer.IssuedAccessToken;
        _bot = await AuthenticatedBot.StartAsync(_identity, AppId);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        await _identity.DisposeAsync();
    }

    [Fact]
    public async Task Replies_carry_the_token_obtained_by_client_credentials()
    {
        using var response = await SendAsync("帮助", "c-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_connector.Unexpected);
        Assert.Equal(2, _connector.Received.Count);
        var tokenRequest = Assert.Single(_identity.TokenRequests);
        Assert.Equal("client_credentials", tokenRequest["grant_type"]);
        Assert.Equal(AppId, tokenRequest["client_id"]);
        Assert.Equal("stand-in-secret", tokenRequest["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", tokenRequest["scope"]);

        await SendAsync("进度", "c-2");
        Assert.Single(_identity.TokenRequests);
    }

    [Fact]
    public async Task A_429_with_retry_after_is_retried_and_the_reply_arrives_once()
    {
        _connector.Failures.Enqueue((429, "0"));
        _connector.Failures.Enqueue((502, null));

        using var response = await SendAsync("帮助", "r-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _connector.Received.Count);
        Assert.Equal(4, _connector.Attempts);
    }

    [Fact]
    public async Task A_connector_failure_keeps_the_answer_once_and_a_redelivery_sends_the_replies()
    {
        _connector.Failures.Enqueue((500, null));

        using var failed = await SendAsync("1", "f-1");
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Empty(_connector.Received);

        using var redelivered = await SendAsync("1", "f-1");
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.NotEmpty(_connector.Received);
        var stored = await _bot.Services.GetRequiredService<IDocumentStore>().ReadAsync(ConversationKeys.State("test", "conv-f"), CancellationToken.None);
        Assert.Single(ConversationRecord.FromJson(stored!.Body).Dialog.Answers);
    }

    [Fact]
    public async Task A_conversation_is_created_for_proactive_messages_only_on_a_trusted_service_url()
    {
        var connector = _bot.Services.GetRequiredService<ConnectorClient>();
        var parameters = new ConversationParameters
        {
            Bot = new ChannelAccount { Id = "28:" + AppId },
            Members = [new ChannelAccount { Id = "29:1Xyz-TeamsUserId_aBcD" }],
            TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47",
        };

        await Assert.ThrowsAsync<InvalidOperationException>(() => connector.CreateConversationAsync(_connector.ServiceUrl, parameters, CancellationToken.None));
        Assert.Empty(_connector.Created);

        using var _ = await SendAsync("帮助", "p-1");
        var id = await connector.CreateConversationAsync(_connector.ServiceUrl, parameters, CancellationToken.None);

        Assert.Equal("a:new-personal-chat-1", id);
        var created = Assert.Single(_connector.Created);
        Assert.Equal("29:1Xyz-TeamsUserId_aBcD", created.GetProperty("members")[0].GetProperty("id").GetString());
        Assert.Equal("72f988bf-86f1-41af-91ab-2d7cd011db47", created.GetProperty("tenantId").GetString());
        Assert.Empty(_connector.Unexpected);
    }

    private async Task<HttpResponseMessage> SendAsync(string text, string activityId)
    {
        var activity = Activities.Message(text, "conv-" + activityId[..1], activityId, _connector.ServiceUrl, deliveryMode: null);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + _identity.ChannelToken(AppId, _connector.ServiceUrl));
        return await _bot.Http.SendAsync(request);
    }
}
