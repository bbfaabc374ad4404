using Microsoft.Extensions.Options;

namespace MeetingBot.Channels.WeCom;

/// <summary>
/// The "WeCom" configuration section: one self-built app (自建应用) of one corp (docs/protocols.md E.1).
/// The channel is off while <see cref="CorpId"/> is empty; Secret, Token and EncodingAESKey are
/// secrets and belong in environment variables or user secrets, never in appsettings.json.
/// </summary>
public sealed class WeComOptions
{
    public const string Section = "WeCom";

    /// <summary>WeCom's public API; private deployments and tests point this elsewhere.</summary>
    public const string PublicApiBaseUrl = "https://qyapi.weixin.qq.com";

    /// <summary>The corp's id (ww…); also the receiveid every callback must carry (E.4).</summary>
    public string CorpId { get; set; } = "";

    public int AgentId { get; set; }

    /// <summary>The app's secret, for gettoken (E.8).</summary>
    public string Secret { get; set; } = "";

    /// <summary>The callback Token, used only for signatures (E.3).</summary>
    public string Token { get; set; } = "";

    /// <summary>43 characters: base64 of the 32-byte AES key without its trailing '=' (E.4).</summary>
    public string EncodingAESKey { get; set; } = "";

    public string ApiBaseUrl { get; set; } = PublicApiBaseUrl;

    /// <summary>
    /// How long a callback waits for the turn before it acknowledges with an empty 200 and lets the
    /// reply go out through message/send. WeCom gives up after 5 s (E.6), so this stays well below;
    /// zero sends every reply actively.
    /// </summary>
    public TimeSpan PassiveReplyBudget { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>
    /// How far a callback's signed timestamp may be from our clock, either way. WeCom retries an
    /// unanswered callback within seconds, so an older one is a replay: without this window a
    /// captured callback would be taken again once its MsgId had left the remembered ids.
    /// </summary>
    public TimeSpan CallbackMaxAge { get; set; } = TimeSpan.FromMinutes(5);

    public bool Enabled => !string.IsNullOrWhiteSpace(CorpId);
}

// Messages name the full configuration key because that is what an operator has to fix.
internal sealed class WeComOptionsValidator : IValidateOptions<WeComOptions>
{
    private static readonly TimeSpan LongestBudget = TimeSpan.FromSeconds(4.5);

    public ValidateOptionsResult Validate(string? name, WeComOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (options.AgentId <= 0)
        {
            failures.Add("WeCom:AgentId is required when WeCom:CorpId is set (the app's AgentId, a positive number).");
        }

        if (string.IsNullOrWhiteSpace(options.Secret))
        {
            failures.Add("WeCom:Secret is required when WeCom:CorpId is set.");
        }

        if (string.IsNullOrWhiteSpace(options.Token))
        {
            failures.Add("WeCom:Token is required when WeCom:CorpId is set.");
        }

        if (!IsEncodingAesKey(options.EncodingAESKey))
        {
            failures.Add("WeCom:EncodingAESKey is required when WeCom:CorpId is set: the 43 letters and digits shown in the app's callback settings.");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("https" or "http"))
        {
            failures.Add($"WeCom:ApiBaseUrl must be an absolute http(s) URL (default {WeComOptions.PublicApiBaseUrl}).");
        }

        if (options.PassiveReplyBudget < TimeSpan.Zero || options.PassiveReplyBudget > LongestBudget)
        {
            failures.Add($"WeCom:PassiveReplyBudget must be between 0 and {LongestBudget.TotalSeconds} seconds (WeCom waits 5 s at most).");
        }

        if (options.CallbackMaxAge <= TimeSpan.Zero)
        {
            failures.Add("WeCom:CallbackMaxAge must be positive (default 00:05:00): callbacks whose timestamp is further from the server's clock are refused.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>
    /// Decoded leniently, like WeCom's own library: a random 43-character key usually has non-zero
    /// bits past its 32 bytes, which a strict base64 check would reject.
    /// </summary>
    private static bool IsEncodingAesKey(string key) =>
        key.Length == 43 && key.All(char.IsAsciiLetterOrDigit) && Convert.TryFromBase64String(key + "=", new byte[32], out var bytes) && bytes == 32;
}
