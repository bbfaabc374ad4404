using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeetingBot.TestKit.Hosting;

/// <summary>A message/send call the stand-in accepted: a text's or markdown's content, or for a file message the media_id.</summary>
public sealed record WeComSentMessage(string ToUser, int AgentId, string MsgType, string Content, string AccessToken, string RawBody);

/// <summary>A file media/upload accepted: the name as sent in filename, the length it declared, and the bytes.</summary>
public sealed record WeComUploadedFile(string MediaId, string FileName, long DeclaredLength, string ContentType, byte[] Content);

/// <summary>
/// A stand-in for WeCom's server API on loopback (docs/protocols.md E.8): gettoken, message/send,
/// media/upload and user/get, answering like WeCom with an errcode in a 200. It checks the corp id and secret and the
/// access_token of every call, records what it accepted, and can be told to expire the token once
/// (42001) or to answer the next sends with given errcodes (45009, -1, …). Anything else it is asked,
/// or a text or markdown over 2048 bytes, is recorded in <see cref="Unexpected"/> so a test can fail on it.
/// </summary>
public sealed class StandInWeComApi : IAsyncDisposable
{
    public const int MaxContentBytes = 2048;

    private readonly WebApplication _app;
    private readonly string _corpId;
    private readonly string _secret;
    private readonly object _gate = new();
    private readonly List<WeComSentMessage> _sent = [];
    private readonly ConcurrentDictionary<string, WeComUploadedFile> _uploads = new(StringComparer.Ordinal);
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];
    private readonly Queue<int> _sendFailures = new();
    private readonly HashSet<string> _expiredTokens = new(StringComparer.Ordinal);
    private int _tokenNumber;
    private string? _currentToken;
    private int _tokenRequests;
    private int _sendAttempts;
    private int _userLookups;
    private TaskCompletionSource _userLookupsReleased = Released();

    private StandInWeComApi(WebApplication app, string corpId, string secret)
    {
        _app = app;
        _corpId = corpId;
        _secret = secret;
    }

    /// <summary>Where the bot's WeCom:ApiBaseUrl points, e.g. http://127.0.0.1:41234.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>user/get answers these names; any other user id gets 60011 (no permission), as for an app without contact access.</summary>
    public ConcurrentDictionary<string, string> Names { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> Unexpected { get; } = new();

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    public int SendAttempts => Volatile.Read(ref _sendAttempts);

    public int UserLookups => Volatile.Read(ref _userLookups);

    /// <summary>The access_tokens issued so far ("token-1", "token-2", …).</summary>
    public int TokensIssued
    {
        get
        {
            lock (_gate)
            {
                return _tokenNumber;
            }
        }
    }

    public IReadOnlyList<WeComSentMessage> Sent
    {
        get
        {
            lock (_gate)
            {
                return _sent.ToArray();
            }
        }
    }

    /// <summary>Files uploaded with media/upload, by media_id.</summary>
    public IReadOnlyDictionary<string, WeComUploadedFile> Uploads => _uploads;

    public static async Task<StandInWeComApi> StartAsync(string corpId, string secret)
    {
        var builder = LoopbackServer.CreateStandInBuilder();
        var app = builder.Build();
        var api = new StandInWeComApi(app, corpId, secret);
        app.MapGet("/cgi-bin/gettoken", (HttpRequest request) => api.GetToken(request));
        app.MapPost("/cgi-bin/message/send", async (HttpRequest request) => await api.SendAsync(request));
        app.MapGet("/cgi-bin/user/get", async (HttpRequest request) => await api.GetUserAsync(request));
        app.MapPost("/cgi-bin/media/upload", async (HttpRequest request) => await api.UploadAsync(request));
        app.MapFallback((HttpRequest request) =>
        {
            api.Unexpected.Enqueue($"{request.Method} {request.Path}");
            return Results.NotFound();
        });
        await app.StartAsync();
        api.BaseUrl = app.Address();
        return api;
    }

    /// <summary>The current token is answered with 42001 (expired) from now on; gettoken then issues a new one.</summary>
    public void ExpireCurrentToken()
    {
        lock (_gate)
        {
            if (_currentToken is not null)
            {
                _expiredTokens.Add(_currentToken);
                _currentToken = null;
            }
        }
    }

    /// <summary>
    /// user/get answers nothing until <see cref="ReleaseUserLookups"/>: a turn that looks up a name
    /// is then slower than any budget, without the test sleeping.
    /// </summary>
    public void HoldUserLookups()
    {
        lock (_gate)
        {
            _userLookupsReleased = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void ReleaseUserLookups()
    {
        lock (_gate)
        {
            _userLookupsReleased.TrySetResult();
        }
    }

    /// <summary>The next message/send calls are answered with these errcodes, one each, before sends succeed again.</summary>
    public void FailNextSends(params int[] errCodes)
    {
        lock (_gate)
        {
            foreach (var code in errCodes)
            {
                _sendFailures.Enqueue(code);
            }
        }
    }

    /// <summary>Completes once <paramref name="count"/> messages were accepted; fails after <paramref name="timeout"/> (10 s by default) of real time.</summary>
    public async Task<IReadOnlyList<WeComSentMessage>> WaitForSentAsync(int count, TimeSpan? timeout = null)
    {
        TaskCompletionSource done;
        lock (_gate)
        {
            if (_sent.Count >= count)
            {
                return _sent.ToArray();
            }

            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, done));
        }

        await done.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(10));
        return Sent;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private IResult GetToken(HttpRequest request)
    {
        Interlocked.Increment(ref _tokenRequests);
        if (request.Query["corpid"] != _corpId)
        {
            return Error(40013);
        }

        if (request.Query["corpsecret"] != _secret)
        {
            return Error(40001);
        }

        lock (_gate)
        {
            // Like WeCom: a token still valid is handed out again (E.8).
            _currentToken ??= "token-" + ++_tokenNumber;
            return Results.Json(new { errcode = 0, errmsg = "ok", access_token = _currentToken, expires_in = 7200 });
        }
    }

    private async Task<IResult> SendAsync(HttpRequest request)
    {
        Interlocked.Increment(ref _sendAttempts);
        if (TokenProblem(request) is { } problem)
        {
            return Error(problem);
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var raw = await reader.ReadToEndAsync();
        using var body = JsonDocument.Parse(raw);
        var root = body.RootElement;
        var msgType = root.GetProperty("msgtype").GetString()!;
        var content = msgType switch
        {
            "text" or "markdown" => root.GetProperty(msgType).GetProperty("content").GetString()!,
            "file" => root.GetProperty("file").GetProperty("media_id").GetString()!,
            _ => "",
        };
        if (msgType == "file" && !_uploads.ContainsKey(content))
        {
            Unexpected.Enqueue($"message/send of a file with unknown media_id '{content}'");
            return Error(40007);
        }

        if (Encoding.UTF8.GetByteCount(content) > MaxContentBytes)
        {
            Unexpected.Enqueue($"message/send content of {Encoding.UTF8.GetByteCount(content)} bytes");
            return Error(45002);
        }

        lock (_gate)
        {
            if (_sendFailures.TryDequeue(out var failure))
            {
                return Error(failure);
            }

            _sent.Add(new WeComSentMessage(root.GetProperty("touser").GetString()!, root.GetProperty("agentid").GetInt32(), msgType, content, request.Query["access_token"]!, raw));
            foreach (var waiter in _waiters.Where(w => _sent.Count >= w.Count).ToArray())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }

            return Results.Json(new { errcode = 0, errmsg = "ok", invaliduser = "", msgid = "msg-" + _sent.Count });
        }
    }

    /// <summary>media/upload?type=file: one multipart part named media with filename and filelength (E.8).</summary>
    private async Task<IResult> UploadAsync(HttpRequest request)
    {
        if (TokenProblem(request) is { } problem)
        {
            return Error(problem);
        }

        var form = await request.ReadFormAsync();
        var file = form.Files.GetFile("media");
        var disposition = file is null ? null : System.Net.Http.Headers.ContentDispositionHeaderValue.Parse(file.ContentDisposition);
        var declared = disposition?.Parameters.FirstOrDefault(p => p.Name == "filelength")?.Value;
        if (request.Query["type"] != "file" || file is null || !long.TryParse(declared, out var length) || length != file.Length)
        {
            Unexpected.Enqueue("media/upload without type=file, a media part or a matching filelength");
            return Error(40004);
        }

        using var content = new MemoryStream();
        await file.CopyToAsync(content);
        var mediaId = "media-" + (_uploads.Count + 1);
        var name = disposition!.FileNameStar ?? disposition.FileName?.Trim('"') ?? "";
        _uploads[mediaId] = new WeComUploadedFile(mediaId, name, length, file.ContentType, content.ToArray());
        return Results.Json(new { errcode = 0, errmsg = "ok", type = "file", media_id = mediaId, created_at = "1380000000" });
    }

    private async Task<IResult> GetUserAsync(HttpRequest request)
    {
        Interlocked.Increment(ref _userLookups);
        Task released;
        lock (_gate)
        {
            released = _userLookupsReleased.Task;
        }

        await released;
        if (TokenProblem(request) is { } problem)
        {
            return Error(problem);
        }

        var userId = request.Query["userid"].ToString();
        return Names.TryGetValue(userId, out var name)
            ? Results.Json(new { errcode = 0, errmsg = "ok", userid = userId, name })
            : Error(60011);
    }

    /// <summary>41001 without a token, 42001 for an expired one, 40014 for one never issued (E.10).</summary>
    private int? TokenProblem(HttpRequest request)
    {
        var token = request.Query["access_token"].ToString();
        lock (_gate)
        {
            return token.Length == 0 ? 41001
                : _expiredTokens.Contains(token) ? 42001
                : token != _currentToken ? 40014
                : null;
        }
    }

    private static TaskCompletionSource Released()
    {
        var released = new TaskCompletionSource();
        released.SetResult();
        return released;
    }

    private static IResult Error(int errCode) => Results.Json(new { errcode = errCode, errmsg = "stand-in error " + errCode });
}
