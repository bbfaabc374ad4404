using MeetingBot.Dialogs.Engine;

namespace MeetingBot.Conversations.Context;

/// <summary>
/// Where a turn's <see cref="ConversationContext"/> comes from: the seam where meetings and rosters
/// give the dialog the facts it need not ask (a roster's post, a meeting's findings).
/// </summary>
public interface IConversationContextSource
{
    ValueTask<ConversationContext> GetAsync(ConversationRecord record, CancellationToken cancellationToken);
}

/// <summary>The context a conversation has on its own: what the channel told about the user, and today's date.</summary>
public sealed class ChannelProfileContext(TimeProvider time, Microsoft.Extensions.Options.IOptions<ConversationOptions> options) : IConversationContextSource
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public ValueTask<ConversationContext> GetAsync(ConversationRecord record, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new ConversationContext { Facts = record.Profile, Today = Today() });

    /// <summary>Today where the meetings are held.</summary>
    public DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), _zone).DateTime);
}
