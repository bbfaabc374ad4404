using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using MeetingBot.Channels.BotFramework.Authentication;
using MeetingBot.Conversations;
using MeetingBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit;

using MeetingBot.TestKit.Hosting;

namespace MeetingBot.Web.Tests;

/// <summary>
/// With MicrosoftAppId set, every request to /api/messages must carry a valid channel or Emulator
/// token (docs/protocols.md C.1, C.2); anything else gets 401 and stores nothing.
/// </summary>
public sealed class InboundAuthenticationTests : AuthenticatedHostTest
{
    private const string ServiceUrl = "https://smba.example.test/amer/";

    [Fact]
    public async Task A_valid_channel_token_is_accepted_and_expect_replies_still_answers_in_the_response()
    {
        using var response = await PostAsync("ok", Identity.ChannelToken(AppId, ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("activities", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(await ReadStoredAsync("ok"));
    }

    [Fact]
    public async Task A_token_signed_with_a_newly_published_key_is_accepted_after_the_keys_are_fetched_again()
    {
        using var before = await PostAsync("rotation-1", Identity.ChannelToken(AppId, ServiceUrl));
        var rotated = StandInIdentityServer.NewKey("rotated-in");
        Identity.RotatedKeys.Add(rotated);

        using var after = await PostAsync("rotation-2", Sign(d => d.SigningCredentials = new SigningCredentials(rotated, SecurityAlgorithms.RsaSha256)));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("2.0")]
    public async Task An_emulator_token_for_thisBot_is_accepted(string version)
    {
        using var response = await PostAsync("emulator" + version, Identity.EmulatorToken(AppId, version));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string, string> BadTokens => new()
    {
        { "no header", "" },
        { "malformed token", "Bearer not.a.jwt" },
        { "not bearer", "Basic dXNlcjpwYXNz" },
        { "alg none", "Bearer " + Unsigned() },
        { "bad signature", "Bearer bad-signature" },
        { "unknown kid", "Bearer unknown-kid" },
        { "wrong issuer", "Bearer wrong-issuer" },
        { "wrong audience", "Bearer wrong-audience" },
        { "expired", "Bearer expired" },
        { "not yet valid", "Bearer not-yet-valid" },
        { "serviceurl mismatch", "Bearer serviceurl-mismatch" },
        { "no serviceurl", "Bearer no-serviceurl" },
        { "emulator token for another app", "Bearer emulator-other-app" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_gets_401_without_detail_and_stores_nothing(string name, string header)
    {
        var conversation = "bad-" + name.Replace(' ', '-');

        using var response = await PostAsync(conversation, Build(header));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        Assert.Null(await ReadStoredAsync(conversation));
    }

    [Theory]
    [InlineData("100000000000000000000")] // past the largest long
    [InlineData("1e30")]
    [InlineData("-1e30")]
    [InlineData("\"tomorrow\"")]
    public async Task A_token_with_an_absurd_expiry_gets_401_not_a_server_error(string exp)
    {
        var payload = $"{{\"iss\":\"{StandInIdentityServer.ChannelIssuer}\",\"aud\":\"{AppId}\",\"serviceurl\":\"{ServiceUrl}\",\"exp\":{exp}}}";
        var token = new JsonWebTokenHandler().CreateToken(payload, new SigningCredentials(Identity.ChannelKey, SecurityAlgorithms.RsaSha256));

        using var response = await PostAsync("absurd-exp", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(await ReadStoredAsync("absurd-exp"));
    }

    [Fact]
    public async Task A_token_whose_key_is_not_endorsed_for_the_channel_is_refused()
    {
        Identity.Endorsements = ["webchat"];
        var activity = Activities.Message("1", "not-endorsed", "e-1", ServiceUrl);
        activity["channelId"] = "msteams";

        using var request = Request(activity, Identity.ChannelToken(AppId, ServiceUrl));
        using var response = await Bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(await ReadStoredAsync("not-endorsed"));
    }

    [Fact]
    public async Task An_authenticated_activity_for_the_directline_channel_is_refused()
    {
        Identity.Endorsements = ["directline"];
        var activity = Activities.Message("查看草稿", "dlc_probe", "d-1", ServiceUrl);
        activity["channelId"] = "directline";

        using var request = Request(activity, Identity.ChannelToken(AppId, ServiceUrl));
        using var response = await Bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(await Bot.Services.GetRequiredService<IDocumentStore>().ReadAsync(ConversationKeys.State("directline", "dlc_probe"), CancellationToken.None));
    }

    /// <summary>Turns the short names of <see cref="BadTokens"/> into real tokens from the stand-in.</summary>
    private string? Build(string header) => header switch
    {
        "" => null,
        "Bearer bad-signature" => Sign(d => d.SigningCredentials = new SigningCredentials(
            new RsaSecurityKey(System.Security.Cryptography.RSA.Create(2048)) { KeyId = Identity.ChannelKey.KeyId }, SecurityAlgorithms.RsaSha256)),
        "Bearer unknown-kid" => Sign(d => d.SigningCredentials = new SigningCredentials(StandInIdentityServer.NewKey("rotated-away"), SecurityAlgorithms.RsaSha256)),
        "Bearer wrong-issuer" => Sign(d => d.Issuer = "https://api.botframework.evil"),
        "Bearer wrong-audience" => Sign(d => d.Audience = "99999999-0000-0000-0000-000000000000"),
        "Bearer expired" => Sign(d => (d.IssuedAt, d.NotBefore, d.Expires) = (DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddMinutes(-6))),
        "Bearer not-yet-valid" => Sign(d => (d.NotBefore, d.Expires) = (DateTime.UtcNow.AddMinutes(10), DateTime.UtcNow.AddHours(1))),
        "Bearer serviceurl-mismatch" => Identity.ChannelToken(AppId, "https://attacker.example.test/"),
        "Bearer no-serviceurl" => Sign(d => d.Claims.Remove("serviceurl")),
        "Bearer emulator-other-app" => Identity.EmulatorToken("99999999-0000-0000-0000-000000000000"),
        _ => header.StartsWith("Bearer ", StringComparison.Ordinal) ? header : header,
    };

    private string Sign(Action<SecurityTokenDescriptor> change) => Identity.ChannelToken(AppId, ServiceUrl, change);

    private static string Unsigned() =>
        Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." +
        Base64UrlEncoder.Encode($"{{\"iss\":\"{StandInIdentityServer.ChannelIssuer}\",\"aud\":\"{AppId}\",\"serviceurl\":\"{ServiceUrl}\",\"exp\":{DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()}}}") + ".";

    private async Task<HttpResponseMessage> PostAsync(string conversation, string? token)
    {
        using var request = Request(Activities.Message("1", conversation, conversation + "-1", ServiceUrl), token);
        return await Bot.Http.SendAsync(request);
    }

    private static HttpRequestMessage Request(object activity, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", token.Contains(' ', StringComparison.Ordinal) ? token : "Bearer " + token);
        }

        return request;
    }

    private async Task<StoredDocument?> ReadStoredAsync(string conversationId) =>
        await Bot.Services.GetRequiredService<IDocumentStore>().ReadAsync(ConversationKeys.State("test", conversationId), CancellationToken.None);
}
