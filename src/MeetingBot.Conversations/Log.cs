using Microsoft.Extensions.Logging;

namespace MeetingBot.Conversations;

/// <summary>
/// Every log message of this project, with its event id (2001–2499; docs/architecture.md, "Logs").
/// Message text, tokens, keys and usable ids never appear above Debug: these are sensitive political materials.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "A bot-initiated message for a {Channel} conversation has no address or channel to go to")]
    internal static partial void NotificationUnreachable(ILogger logger, string channel);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Background delivery failed ({Error})")]
    internal static partial void BackgroundDeliveryFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "Turn {Kind} processed with {ReplyCount} replies (attempt {Attempt})")]
    internal static partial void TurnProcessed(ILogger logger, TurnKind kind, int replyCount, int attempt);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "An activity was delivered again; it is not processed twice")]
    internal static partial void DuplicateActivity(ILogger logger);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "The store is unavailable; the turn was not kept and the user was asked to retry")]
    internal static partial void StoreUnavailable(ILogger logger);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Debug, Message = "Another instance stored a turn of the conversation first; running the turn again (attempt {Attempt})")]
    internal static partial void ConcurrentTurn(ILogger logger, int attempt);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "A turn took longer than {Timeout}; the user was told to check where they are")]
    internal static partial void TurnTimedOut(ILogger logger, TimeSpan timeout);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Warning, Message = "Too many turns of one conversation at once; this one was answered busy")]
    internal static partial void ConversationBusy(ILogger logger);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Warning, Message = "An activity from another user than the conversation's own was refused; nothing ran")]
    internal static partial void ForeignSender(ILogger logger);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "A user joined a meeting with its invitation code")]
    internal static partial void MeetingJoined(ILogger logger);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Information, Message = "A meeting was created")]
    internal static partial void MeetingCreated(ILogger logger);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Information, Message = "A secretary read the {What} of a meeting")]
    internal static partial void SecretaryRead(ILogger logger, string what);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Warning, Message = "A notice for a person of a meeting could not be delivered ({Result})")]
    internal static partial void MeetingNoticeUndelivered(ILogger logger, string result);

    [LoggerMessage(EventId = 2014, Level = LogLevel.Information, Message = "A round of {Kind} reminders opened for {Count} people")]
    internal static partial void ReminderRoundOpened(ILogger logger, MeetingBot.Meetings.ReminderKind kind, int count);

    [LoggerMessage(EventId = 2015, Level = LogLevel.Information, Message = "A round of {Kind} reminders for {Count} people is through")]
    internal static partial void ReminderRoundFinished(ILogger logger, MeetingBot.Meetings.ReminderKind kind, int count);

    [LoggerMessage(EventId = 2016, Level = LogLevel.Warning, Message = "A reminder could not be sent ({Error}); it is tried again later")]
    internal static partial void ReminderSendFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 2017, Level = LogLevel.Warning, Message = "The reminder scheduler could not look at a meeting ({Error}); it tries again on its next pass")]
    internal static partial void ReminderPassFailed(ILogger logger, string error);
}
