using System.Security.Cryptography;
using System.Text.Json;
using MeetingBot.Meetings.Import;
using MeetingBot.Storage;

namespace MeetingBot.Meetings.Storage;

/// <summary>A meeting as stored, with the ETag a change must name.</summary>
public sealed record StoredMeeting(Meeting Meeting, string ETag);

/// <summary>A meeting in the list of all meetings, with the last moment it has anything to send for (its meeting or its deadline).</summary>
public sealed record MeetingIndexEntry(string MeetingId, DateTimeOffset? EndsAt);

/// <summary>A meeting an account is on the roster of, and the person it is there.</summary>
public sealed record Membership(string MeetingId, string PersonId);

/// <summary>
/// Meetings in the store: the meeting document (facts, roster, findings), the invitation code that
/// finds it, and for every account on its roster the index entry that finds the account's meetings.
/// The meeting document is the truth: the index only says where to look, and a caller checks the
/// roster it reads (an index entry left by an interrupted change finds nothing there).
/// </summary>
public sealed class MeetingStore(IDocumentStore store)
{
    private const int Attempts = 5;

    // No 0/O, 1/I/L: a code is read aloud and typed on phones.
    private const string CodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private const int CodeLength = 6;

    public async Task<StoredMeeting?> ReadAsync(string meetingId, CancellationToken cancellationToken) =>
        await store.ReadAsync(MeetingKeys.Meeting(meetingId), cancellationToken) is { } stored
            ? new StoredMeeting(stored.Body.Deserialize(MeetingJson.Context.Meeting)!, stored.ETag)
            : null;

    /// <summary>
    /// Stores a new meeting (<paramref name="previous"/> null) or a change of the one read as
    /// <paramref name="previous"/> (its ETag must still hold), then brings the account index and
    /// the invitation code in line with the roster.
    /// </summary>
    /// <exception cref="DocumentPreconditionFailedException">The meeting changed since <paramref name="previous"/> was read.</exception>
    public async Task<StoredMeeting> SaveAsync(Meeting meeting, StoredMeeting? previous, CancellationToken cancellationToken)
    {
        var document = new NewDocument(MeetingKeys.Meeting(meeting.Id), MeetingJson.MeetingKind, JsonSerializer.SerializeToElement(meeting, MeetingJson.Context.Meeting));
        var stored = previous is null
            ? await store.CreateAsync(document, cancellationToken)
            : await store.ReplaceAsync(document, previous.ETag, cancellationToken);

        if (meeting.InvitationCode is { } code && code != previous?.Meeting.InvitationCode)
        {
            await store.UpsertAsync(new NewDocument(MeetingKeys.Invitation(code), MeetingJson.InvitationKind, JsonSerializer.SerializeToElement(new Invitation(meeting.Id), MeetingJson.Context.Invitation)), cancellationToken);
        }

        if (previous is null || (previous.Meeting.Unit, previous.Meeting.Title) != (meeting.Unit, meeting.Title))
        {
            await store.UpsertAsync(new NewDocument(MeetingKeys.Name(meeting.Unit, meeting.Title), MeetingJson.NameKind, JsonSerializer.SerializeToElement(new Invitation(meeting.Id), MeetingJson.Context.Invitation)), cancellationToken);
        }

        var entry = IndexEntryOf(meeting);
        if (previous is null || IndexEntryOf(previous.Meeting) != entry)
        {
            await store.UpsertAsync(new NewDocument(MeetingKeys.IndexEntry(meeting.Id), MeetingJson.IndexEntryKind, JsonSerializer.SerializeToElement(entry, MeetingJson.Context.MeetingIndexEntry)), cancellationToken);
        }

        var before = previous is null ? [] : Accounts(previous.Meeting);
        var after = Accounts(meeting);
        foreach (var (account, personId) in after.Where(a => !before.Contains(a)))
        {
            await UpdateMembershipsAsync(account, list => list.Where(m => m.MeetingId != meeting.Id).Append(new Membership(meeting.Id, personId)), cancellationToken);
        }

        foreach (var (account, _) in before.Where(b => after.All(a => a.Account != b.Account)))
        {
            await UpdateMembershipsAsync(account, list => list.Where(m => m.MeetingId != meeting.Id), cancellationToken);
        }

        return new StoredMeeting(meeting, stored.ETag);
    }

    /// <summary>Every meeting stored, with when it ends (one query of the index's partition).</summary>
    public async Task<IReadOnlyList<MeetingIndexEntry>> AllAsync(CancellationToken cancellationToken) =>
        [.. (await store.QueryPartitionAsync(MeetingKeys.IndexPartition, MeetingJson.IndexEntryKind, cancellationToken))
            .Select(d => d.Body.Deserialize(MeetingJson.Context.MeetingIndexEntry)!)];

    /// <summary>The meetings whose roster the index lists the account on; check each meeting's roster before trusting it.</summary>
    public async Task<IReadOnlyList<Membership>> MembershipsAsync(ChannelIdentity account, CancellationToken cancellationToken) =>
        await store.ReadAsync(MeetingKeys.Memberships(account), cancellationToken) is { } stored
            ? stored.Body.Deserialize(MeetingJson.Context.AccountMemberships)!.Meetings
            : [];

    /// <summary>The meeting an invitation code opens, or null for a code nobody was given.</summary>
    public async Task<string?> MeetingOfInvitationAsync(string code, CancellationToken cancellationToken) =>
        IsInvitationCode(code) && await store.ReadAsync(MeetingKeys.Invitation(code), cancellationToken) is { } stored
            ? stored.Body.Deserialize(MeetingJson.Context.Invitation)!.MeetingId
            : null;

    /// <summary>The meeting of that unit and title (the last one stored under them), or null.</summary>
    public async Task<StoredMeeting?> FindAsync(string unit, string title, CancellationToken cancellationToken) =>
        await store.ReadAsync(MeetingKeys.Name(unit, title), cancellationToken) is { } stored
            ? await ReadAsync(stored.Body.Deserialize(MeetingJson.Context.Invitation)!.MeetingId, cancellationToken)
            : null;

    /// <summary>Whether the text has the shape of an invitation code (so a typed answer is not taken for one).</summary>
    public static bool IsInvitationCode(string text) =>
        text.Length == CodeLength && text.ToUpperInvariant().All(CodeAlphabet.Contains);

    /// <summary>
    /// Stores a meeting as its file defines it (<c>meetings import</c>): the meeting it made before
    /// (found by the file's invitation code, else by unit and title) updated with everyone kept, or
    /// a new one; a meeting without an invitation code gets one.
    /// </summary>
    public async Task<StoredMeeting> ImportAsync(MeetingDefinition definition, CancellationToken cancellationToken)
    {
        var existing = definition.InvitationCode is { } code && await MeetingOfInvitationAsync(code, cancellationToken) is { } id
            ? await ReadAsync(id, cancellationToken)
            : await FindAsync(definition.Unit, definition.Title, cancellationToken);
        var meeting = MeetingImport.Apply(existing?.Meeting, definition);
        return await SaveAsync(meeting with { InvitationCode = meeting.InvitationCode ?? NewInvitationCode() }, existing, cancellationToken);
    }

    public static string NewInvitationCode() => RandomNumberGenerator.GetString(CodeAlphabet, CodeLength);

    public static string NewMeetingId() => "m-" + RandomNumberGenerator.GetHexString(12, lowercase: true);

    public static string NewPersonId() => "p-" + RandomNumberGenerator.GetHexString(12, lowercase: true);

    private static MeetingIndexEntry IndexEntryOf(Meeting meeting) =>
        new(meeting.Id, meeting.HeldAt is { } held && meeting.Deadline is { } due ? (held > due ? held : due) : meeting.HeldAt ?? meeting.Deadline);

    private static HashSet<(ChannelIdentity Account, string PersonId)> Accounts(Meeting meeting) =>
        meeting.Roster.Where(e => !e.Removed).SelectMany(e => e.Identities.Select(i => (i, e.PersonId))).ToHashSet();

    private async Task UpdateMembershipsAsync(ChannelIdentity account, Func<IEnumerable<Membership>, IEnumerable<Membership>> change, CancellationToken cancellationToken)
    {
        var key = MeetingKeys.Memberships(account);
        for (var attempt = 1; ; attempt++)
        {
            var stored = await store.ReadAsync(key, cancellationToken);
            var current = stored?.Body.Deserialize(MeetingJson.Context.AccountMemberships)!.Meetings ?? [];
            var document = new NewDocument(key, MeetingJson.MembershipsKind, JsonSerializer.SerializeToElement(new AccountMemberships([.. change(current)]), MeetingJson.Context.AccountMemberships));
            try
            {
                await (stored is null ? store.CreateAsync(document, cancellationToken) : store.ReplaceAsync(document, stored.ETag, cancellationToken));
                return;
            }
            catch (Exception e) when (e is DocumentConflictException or DocumentPreconditionFailedException && attempt < Attempts)
            {
                // The same account joined another meeting at the same moment: read again and redo the change.
            }
        }
    }
}

internal sealed record AccountMemberships(IReadOnlyList<Membership> Meetings);

/// <summary>Where a key leads: an invitation code's or a name's meeting.</summary>
internal sealed record Invitation(string MeetingId);
