using System.Collections.Concurrent;

namespace MeetingBot.Channels.BotFramework.Authentication;

/// <summary>
/// The service URLs that arrived in authenticated activities. The bot sends its bearer token only
/// to these, so a forged activity cannot make it call (and hand its token to) another host.
/// </summary>
public sealed class TrustedServiceUrls
{
    private readonly ConcurrentDictionary<string, bool> _urls = new(StringComparer.OrdinalIgnoreCase);

    public void Trust(string serviceUrl) => _urls[Normalize(serviceUrl)] = true;

    public bool IsTrusted(string serviceUrl) => _urls.ContainsKey(Normalize(serviceUrl));

    private static string Normalize(string serviceUrl) => serviceUrl.TrimEnd('/');
}
