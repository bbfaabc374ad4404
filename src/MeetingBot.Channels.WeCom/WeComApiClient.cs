using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeetingBot.Channels.WeCom;

/// <summary>
/// The WeCom server API the bot calls (docs/protocols.md E.8): gettoken, message/send (text, markdown, file), media/upload and user/get,
/// relative to WeCom:ApiBaseUrl. A typed HTTP client: transient, so singletons resolve one per use.
/// The access_token travels in the query string, as WeCom requires; the client's HTTP logging is
/// removed at registration so that neither it nor the secret reaches a log.
/// </summary>
public sealed class WeComApiClient(
    HttpClient http,
    WeComAccessTokens tokens,
    IOptions<WeComOptions> options,
    TimeProvider time,
    ILogger<WeComApiClient> logger)
{
    public const int InvalidAccessToken = 40014;
    public const int AccessTokenExpired = 42001;
    public const int FrequencyExceeded = 45009;
    public const int SystemBusy = -1;

    /// <summary>E.9: a minute limit blocks for 60 s, so the retries of 45009 together wait a little longer than that.</summary>
    private const int FrequencyRetries = 6;

    /// <summary>E.10: -1 is retried at most three times; a failed connection is treated the same way.</summary>
    private const int BusyRetries = 3;

    /// <summary>Sends one text message (at most 2048 bytes: split first, <see cref="WeComText"/>) to one member.</summary>
    public Task<WeComSendResponse> SendTextAsync(string userId, string content, CancellationToken cancellationToken) =>
        SendAsync(WeComRequests.TextMessage(userId, options.Value.AgentId, content), cancellationToken);

    /// <summary>Sends one markdown message (at most 2048 bytes, like text: split first) to one member; WeCom shows it formatted in its own client (E.8).</summary>
    public Task<WeComSendResponse> SendMarkdownAsync(string userId, string content, CancellationToken cancellationToken) =>
        SendAsync(WeComRequests.MarkdownMessage(userId, options.Value.AgentId, content), cancellationToken);

    /// <summary>Uploads a file (media/upload, type file) and sends it to one member as a file message.</summary>
    public async Task<WeComSendResponse> SendFileAsync(string userId, string fileName, string mediaType, byte[] content, CancellationToken cancellationToken)
    {
        var upload = await CallAsync("media/upload", retryBusy: true, async (token, ct) =>
        {
            using var form = new MultipartFormDataContent();
            using var file = new ByteArrayContent(content);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
            // WeCom reads the name from filename= and wants filelength beside it (E.8).
            file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"media\"", FileNameStar = fileName };
            file.Headers.ContentDisposition.Parameters.Add(new NameValueHeaderValue("filelength", content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            form.Add(file);
            using var answer = await http.PostAsync($"cgi-bin/media/upload?access_token={Uri.EscapeDataString(token)}&type=file", form, ct);
            return await ReadAsync(answer, WeComJsonContext.Default.WeComUploadResponse, ct);
        }, cancellationToken);
        return await SendAsync(WeComRequests.FileMessage(userId, options.Value.AgentId, upload.MediaId ?? ""), cancellationToken);
    }

    private async Task<WeComSendResponse> SendAsync(byte[] body, CancellationToken cancellationToken)
    {
        var response = await CallAsync("message/send", retryBusy: true, async (token, ct) =>
        {
            using var json = new ByteArrayContent(body);
            json.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            using var answer = await http.PostAsync($"cgi-bin/message/send?access_token={Uri.EscapeDataString(token)}", json, ct);
            return await ReadAsync(answer, WeComJsonContext.Default.WeComSendResponse, ct);
        }, cancellationToken);
        if (!string.IsNullOrEmpty(response.InvalidUser))
        {
            Log.RecipientRejected(logger);
        }

        return response;
    }

    /// <summary>
    /// The member's name from the contact API (user/get). Not retried when WeCom is busy: it runs
    /// inside the 5-second callback, and the dialog asks for the name when it is missing.
    /// </summary>
    public async Task<string?> GetUserNameAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await CallAsync("user/get", retryBusy: false, async (token, ct) =>
        {
            using var answer = await http.GetAsync($"cgi-bin/user/get?access_token={Uri.EscapeDataString(token)}&userid={Uri.EscapeDataString(userId)}", ct);
            return await ReadAsync(answer, WeComJsonContext.Default.WeComUserResponse, ct);
        }, cancellationToken);
        return string.IsNullOrWhiteSpace(user.Name) ? null : user.Name;
    }

    /// <summary>
    /// Calls with the cached token; on 40014/42001 fetches a new token and calls once more (E.8);
    /// on 45009 and -1 waits 1, 2, 4 … seconds and calls again. Any other errcode is an exception.
    /// </summary>
    private async Task<T> CallAsync<T>(string operation, bool retryBusy, Func<string, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
        where T : IWeComResponse
    {
        var refreshed = false;
        for (var retries = 0; ; retries++)
        {
            var token = await tokens.GetAsync(FetchTokenAsync, cancellationToken);
            int errCode;
            T? response = default;
            try
            {
                response = await call(token, cancellationToken);
                errCode = response.ErrCode;
            }
            catch (HttpRequestException) when (retryBusy && retries < BusyRetries)
            {
                errCode = SystemBusy;
            }

            switch (errCode)
            {
                case 0:
                    return response!;
                case InvalidAccessToken or AccessTokenExpired when !refreshed:
                    Log.TokenRejected(logger, operation, errCode);
                    tokens.Invalidate(token);
                    refreshed = true;
                    retries--;
                    continue;
                case FrequencyExceeded when retryBusy && retries < FrequencyRetries:
                case SystemBusy when retryBusy && retries < BusyRetries:
                    var delay = TimeSpan.FromSeconds(1 << retries);
                    Log.BackingOff(logger, operation, errCode, delay);
                    await Task.Delay(delay, time, cancellationToken);
                    continue;
                default:
                    throw new WeComApiException(operation, errCode);
            }
        }
    }

    private async Task<(string Token, TimeSpan Lifetime)> FetchTokenAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var answer = await http.GetAsync($"cgi-bin/gettoken?corpid={Uri.EscapeDataString(settings.CorpId)}&corpsecret={Uri.EscapeDataString(settings.Secret)}", cancellationToken);
        var response = await ReadAsync(answer, WeComJsonContext.Default.WeComTokenResponse, cancellationToken);
        if (response.ErrCode != 0 || string.IsNullOrEmpty(response.AccessToken))
        {
            throw new WeComApiException("gettoken", response.ErrCode);
        }

        Log.TokenFetched(logger, response.ExpiresIn);
        return (response.AccessToken, TimeSpan.FromSeconds(response.ExpiresIn > 0 ? response.ExpiresIn : 7200));
    }

    /// <summary>WeCom answers 200 with an errcode; any other status is a failed connection (retried like -1).</summary>
    private static async Task<T> ReadAsync<T>(HttpResponseMessage answer, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        answer.EnsureSuccessStatusCode();
        return await answer.Content.ReadFromJsonAsync(type, cancellationToken) ?? throw new HttpRequestException("WeCom answered with an empty body.");
    }
}

/// <summary>A WeCom API call that failed with an errcode (E.10); the errmsg is not kept, it may echo request data.</summary>
public sealed class WeComApiException(string operation, int errCode) : Exception($"WeCom {operation} failed with errcode {errCode}.")
{
    public string Operation { get; } = operation;

    public int ErrCode { get; } = errCode;
}
