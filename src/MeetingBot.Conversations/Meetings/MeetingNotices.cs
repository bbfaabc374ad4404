using MeetingBot.Conversations.Outbound;
using MeetingBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeetingBot.Conversations.Meetings;

/// <summary>
/// Sends the notices of a stored turn (a submission to the secretaries, a 退回 to the member) to
/// each person's last conversation, in the background, as bot-initiated turns: a notice's key makes
/// it go out once per conversation, however often the turn that made it is retried.
/// </summary>
public sealed class MeetingNotices(IServiceProvider services, IDocumentStore store, OutboundWork work, ILogger<MeetingNotices> logger)
{
    // Bot-initiated turns run through the pipeline, which sends these: resolved when first used.
    private BotInitiatedTurns Turns => services.GetRequiredService<BotInitiatedTurns>();

    public void Send(string meetingId, IReadOnlyList<MeetingNotice> notices) => work.Run(async stopping =>
    {
        foreach (var notice in notices)
        {
            foreach (var personId in notice.PersonIds)
            {
                var stored = await store.ReadAsync(SelfCheckRecord.KeyOf(meetingId, personId), stopping);
                var to = stored is null ? null : SelfCheckRecord.FromJson(stored.Body).LastConversation;
                var result = to is null
                    ? DeliveryResult.Unreachable
                    : await Turns.RunAsync(to.ChannelId, to.ConversationId, notice.Key, notice.Notice, stopping);
                if (result is DeliveryResult.Unreachable or DeliveryResult.Failed)
                {
                    Log.MeetingNoticeUndelivered(logger, result.ToString());
                }
            }
        }
    });
}
