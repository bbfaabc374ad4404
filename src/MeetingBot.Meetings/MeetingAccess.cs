namespace MeetingBot.Meetings;

/// <summary>What someone asks to see of a meeting.</summary>
public enum MeetingResource
{
    /// <summary>Their own material and its versions.</summary>
    OwnMaterial,

    /// <summary>Another member's material.</summary>
    MemberMaterial,

    /// <summary>Who has started, submitted or been sent back (进度).</summary>
    Roster,

    /// <summary>The team draft, the similarity check, the rectification list, the export (汇总, 雷同检查, 整改清单, 导出).</summary>
    Aggregates,
}

/// <summary>
/// The one answer to "may this person see that" (docs/architecture.md, "Authorisation"): a member sees
/// only their own material; only the meeting's secretaries see the roster, the others' materials and
/// the aggregates; anyone not on the roster (or removed from it) sees nothing of the meeting, whatever
/// they are elsewhere.
/// The pipeline asks it before any read, so no channel or page decides it.
/// </summary>
public static class MeetingAccess
{
    /// <param name="owner">Whose material is asked for, for <see cref="MeetingResource.MemberMaterial"/>.</param>
    public static bool MaySee(Meeting meeting, ChannelIdentity viewer, MeetingResource resource, string? owner = null)
    {
        if (meeting.EntryOf(viewer) is not { } entry)
        {
            return false;
        }

        return resource switch
        {
            MeetingResource.OwnMaterial => true,
            MeetingResource.MemberMaterial => entry.Role == MeetingRole.Secretary || owner == entry.PersonId,
            MeetingResource.Roster or MeetingResource.Aggregates => entry.Role == MeetingRole.Secretary,
            _ => false,
        };
    }
}
