using MeetingBot.Dialogs.Bank;
using MeetingBot.Dialogs.Engine;
using MeetingBot.Meetings;
using MeetingBot.Meetings.Themes;

namespace MeetingBot.Conversations.Meetings;

/// <summary>
/// A turn's context within a meeting: the meeting's facts for the person (their roster entry over
/// what the channel told), its findings to claim, and its kind as the choice of the meeting_kind
/// step, so the self-check asks none of what the meeting already says (dialogs/README.md, "The context");
/// and the headings of the meeting's theme the draft is written under.
/// </summary>
public static class MeetingContext
{
    public static ConversationContext Of(ConversationContext channel, Meeting meeting, RosterEntry person, QuestionBank bank, ThemeCatalog themes)
    {
        var meetingFacts = MeetingFacts.For(meeting, person);
        var facts = new Dictionary<string, string>(channel.Facts, StringComparer.Ordinal);
        foreach (var (role, value) in meetingFacts.Facts)
        {
            facts[role] = value;
        }

        var lists = new Dictionary<string, IReadOnlyList<ContextItem>>(channel.Lists, StringComparer.Ordinal);
        foreach (var (name, items) in meetingFacts.Lists)
        {
            lists[name] = items.Select(i => new ContextItem(i.Id, i.Label)).ToArray();
        }

        var choices = new Dictionary<string, IReadOnlyList<string>>(channel.Choices, StringComparer.Ordinal);
        if (bank.StepWithRole(MeetingFacts.KindRole) is { } kindStep)
        {
            choices[kindStep.Id] = [MeetingFacts.OptionOf(meeting.Kind)];
        }

        var theme = themes.ThemeOf(meeting);
        var headings = theme is null
            ? channel.Headings
            : theme.AspectHeadings.Keys.ToDictionary(aspect => aspect, aspect => theme.HeadingOf(aspect).Title, StringComparer.Ordinal);
        return channel with { Facts = facts, Lists = lists, Choices = choices, Headings = headings };
    }
}

/// <summary>Who reads 帮助: the secretary's commands are listed for secretaries, 创建会议 for administrators.</summary>
public sealed record HelpAudience(bool Secretary, bool Admin)
{
    public static readonly HelpAudience Cadre = new(false, false);

    public static HelpAudience Of(MeetingSession? session, ChannelIdentity? account, MeetingOptions options) =>
        new(session?.IsSecretary == true, account is not null && options.IsAdmin(account));
}
