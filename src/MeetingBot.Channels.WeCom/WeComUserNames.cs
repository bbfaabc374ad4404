using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeetingBot.Channels.WeCom;

/// <summary>
/// Members' names from the contact API (user/get), remembered for an hour so that a conversation
/// does not cost a call per message. Where the app may not read the contact (48002, 60011, …) or
/// WeCom gives the UserID as the name, the name is unknown and the dialog asks for it.
/// </summary>
public sealed class WeComUserNames(IServiceProvider services, TimeProvider time, ILogger<WeComUserNames> logger)
{
    private static readonly TimeSpan Remembered = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, (string? Name, DateTimeOffset Until)> _names = new(StringComparer.Ordinal);

    public async Task<string?> FindAsync(string userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_names.TryGetValue(userId, out var known) && known.Until > now)
        {
            return known.Name;
        }

        string? name;
        try
        {
            name = await services.GetRequiredService<WeComApiClient>().GetUserNameAsync(userId, cancellationToken);
        }
        catch (WeComApiException e) when (e.ErrCode is WeComApiClient.SystemBusy or WeComApiClient.FrequencyExceeded)
        {
            // Not remembered: WeCom was busy, the next message tries again.
            Log.NameUnknown(logger, e.ErrCode);
            return null;
        }
        catch (WeComApiException e)
        {
            Log.NameUnknown(logger, e.ErrCode);
            name = null;
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Log.NameUnknown(logger, WeComApiClient.SystemBusy);
            return null;
        }

        name = name == userId ? null : name;
        _names[userId] = (name, now + Remembered);
        return name;
    }
}
