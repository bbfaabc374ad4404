using System.Security.Cryptography;
using System.Text;
using MeetingBot.Storage;

namespace MeetingBot.Meetings.Storage;

/// <summary>
/// Where a meeting's documents live (docs/architecture.md, "Meetings in the store"): everything of
/// one meeting in one partition, so the secretary's views are one single-partition query; the
/// index from a person's channel account to their meetings, and from an invitation code to its
/// meeting, in partitions of their own, read by id.
/// </summary>
public static class MeetingKeys
{
    public const string MeetingId = "meeting";
    public const string MembershipsId = "memberships";
    public const string InvitationId = "invitation";
    public const string NameId = "name";

    /// <summary>The partition that lists every meeting, so the reminder scheduler finds them with one single-partition query.</summary>
    public const string IndexPartition = "meetings";

    public static string Partition(string meetingId) => "meeting-" + meetingId;

    public static DocumentKey Meeting(string meetingId) => new(Partition(meetingId), MeetingId);

    /// <summary>A meeting's entry in the list of all meetings.</summary>
    public static DocumentKey IndexEntry(string meetingId) => new(IndexPartition, meetingId);

    /// <summary>An account's meetings; the account is hashed, since channel user ids are long and not fit for keys.</summary>
    public static DocumentKey Memberships(ChannelIdentity account) =>
        new("account-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(account.ToString())).AsSpan(0, 20)), MembershipsId);

    public static DocumentKey Invitation(string code) => new("invitation-" + code.ToUpperInvariant(), InvitationId);

    /// <summary>A meeting by its unit and title, so a meeting file imported again finds the meeting it made.</summary>
    public static DocumentKey Name(string unit, string title) =>
        new("meeting-name-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(unit + "\n" + title)).AsSpan(0, 20)), NameId);
}
