using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MeetingBot.Conversations.Meetings;
using MeetingBot.Conversations.Outbound;
using MeetingBot.Dialogs.Bank;
using MeetingBot.Meetings;
using MeetingBot.Meetings.Storage;
using MeetingBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MeetingBot.Conversations.Reminders;

/// <summary>
/// The rounds of one meeting's reminders (docs/architecture.md, "Reminders"): opens the rounds its
/// calendar makes due, sends each person's reminder of an open round under a claim (a lease taken
/// with a conditional write, so of several instances one sends it), holds sends back in quiet
/// hours, retries failed sends, and when a round is through tells the secretaries who was reached.
/// Every step is in the store, so any instance continues what another began.
/// </summary>
public sealed class ReminderRounds(
    IServiceProvider services,
    MeetingStore meetings,
    IDocumentStore store,
    PromptCards prompts,
    SecretaryViews views,
    IOptions<ReminderOptions> options,
    TimeProvider time,
    ILogger<ReminderRounds> logger)
{
    // Reminders run through the pipeline, whose commands open rounds: resolved when first used.
    private BotInitiatedTurns Turns => services.GetRequiredService<BotInitiatedTurns>();

    /// <summary>
    /// One look at a meeting: opens the rounds that are due, sends what is due of the open ones and
    /// sums up those that are through. Returns when something is due next (null: nothing is scheduled).
    /// </summary>
    public async Task<DateTimeOffset?> RunAsync(string meetingId, CancellationToken cancellationToken)
    {
        if (await meetings.ReadAsync(meetingId, cancellationToken) is not { Meeting: var meeting })
        {
            return null;
        }

        var partition = MeetingKeys.Partition(meetingId);
        var rounds = (await store.QueryPartitionAsync(partition, RoundRecord.DocumentKind, cancellationToken))
            .Select(d => (Round: RoundRecord.FromJson(d.Body), d.ETag)).ToDictionary(r => r.Round.RoundId, StringComparer.Ordinal);
        var now = time.GetUtcNow();
        DateTimeOffset? next = null;
        Dictionary<string, SelfCheckRecord>? selfChecks = null;
        foreach (var due in ReminderCalendar.RoundsOf(meeting).Where(r => !rounds.ContainsKey(r.Id)))
        {
            if (now < due.DueAt)
            {
                next = Earliest(next, due.DueAt);
            }
            else if (now < due.ClosesAt)
            {
                selfChecks ??= await SelfChecksAsync(meetingId, cancellationToken);
                rounds[due.Id] = await OpenAsync(meetingId, new RoundRecord(due.Id, due.Kind, now, Recipients(meeting, due.Kind, selfChecks)), cancellationToken);
            }
        }

        var open = rounds.Values.Where(r => r.Round.SummarizedAt is null).ToArray();
        if (open.Length == 0)
        {
            return next;
        }

        var claims = (await store.QueryPartitionAsync(partition, ReminderClaim.DocumentKind, cancellationToken))
            .Select(d => (Claim: ReminderClaim.FromJson(d.Body), d.ETag)).ToDictionary(c => (c.Claim.RoundId, c.Claim.PersonId));
        foreach (var (round, etag) in open)
        {
            next = Earliest(next, await RunRoundAsync(meeting, round, etag, claims, cancellationToken));
        }

        return next;
    }

    /// <summary>
    /// 提醒: a round for now, for the members who have not submitted (and not paused their
    /// reminders), for the caller to store; null when there is nobody to remind.
    /// </summary>
    public async Task<RoundRecord?> ManualRoundAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var recipients = Recipients(meeting, ReminderKind.Manual, await SelfChecksAsync(meeting.Id, cancellationToken));
        var id = $"manual-{now:yyyyMMddHHmmss}-{RandomNumberGenerator.GetHexString(4, lowercase: true)}";
        return recipients.Count == 0 ? null : new RoundRecord(id, ReminderKind.Manual, now, recipients);
    }

    /// <summary>
    /// Who a round is for: the roster's members (not its secretaries) who have not paused their
    /// reminders; for the reminders to submit, only those who have not submitted.
    /// </summary>
    private static IReadOnlyList<string> Recipients(Meeting meeting, ReminderKind kind, IReadOnlyDictionary<string, SelfCheckRecord> selfChecks) =>
        [.. meeting.Members
            .Where(e => selfChecks.GetValueOrDefault(e.PersonId) is var selfCheck
                && selfCheck is not { RemindersPaused: true }
                && (kind == ReminderKind.PromptCard || selfCheck?.Submission is null))
            .Select(e => e.PersonId)];

    private async Task<Dictionary<string, SelfCheckRecord>> SelfChecksAsync(string meetingId, CancellationToken cancellationToken) =>
        (await store.QueryPartitionAsync(MeetingKeys.Partition(meetingId), SelfCheckRecord.Kind, cancellationToken))
            .Select(d => SelfCheckRecord.FromJson(d.Body)).ToDictionary(r => r.PersonId, StringComparer.Ordinal);

    /// <summary>Stores a round that opens; when another instance opened it first, its round (and recipients) it is.</summary>
    private async Task<(RoundRecord Round, string ETag)> OpenAsync(string meetingId, RoundRecord round, CancellationToken cancellationToken)
    {
        try
        {
            var stored = await store.CreateAsync(round.ToDocument(meetingId), cancellationToken);
            Log.ReminderRoundOpened(logger, round.Kind, round.Recipients.Count);
            return (round, stored.ETag);
        }
        catch (DocumentConflictException)
        {
            var stored = await store.ReadAsync(RoundRecord.KeyOf(meetingId, round.RoundId), cancellationToken)
                ?? throw new InvalidOperationException("A reminder round vanished as it was opened.");
            return (RoundRecord.FromJson(stored.Body), stored.ETag);
        }
    }

    /// <summary>Sends what is due of one round, in parallel; sums it up once every reminder of it is done. Returns when more is due.</summary>
    private async Task<DateTimeOffset?> RunRoundAsync(
        Meeting meeting, RoundRecord round, string etag, Dictionary<(string RoundId, string PersonId), (ReminderClaim Claim, string ETag)> claims, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        var ends = new ConcurrentDictionary<string, ReminderClaim?>(StringComparer.Ordinal);
        var due = new List<(string PersonId, (ReminderClaim Claim, string ETag)? Held)>();
        DateTimeOffset? next = null;
        foreach (var personId in round.Recipients)
        {
            (ReminderClaim Claim, string ETag)? held = claims.TryGetValue((round.RoundId, personId), out var found) ? found : null;
            if (held is { Claim.Done: true })
            {
                ends[personId] = held.Value.Claim;
                continue;
            }

            var at = SendAt(meeting, round, held?.Claim, personId, now);
            if (at > now)
            {
                next = Earliest(next, at);
                continue;
            }

            due.Add((personId, held));
        }

        await Parallel.ForEachAsync(
            due,
            new ParallelOptions { MaxDegreeOfParallelism = settings.Parallelism, CancellationToken = cancellationToken },
            async (item, token) => ends[item.PersonId] = await SendAsync(meeting, round, item.PersonId, item.Held, token));

        foreach (var personId in due.Select(d => d.PersonId))
        {
            // Not done: tried again when it waits until, or (another instance holds it) after its lease.
            next = ends[personId] switch
            {
                { Done: true } => next,
                { } waiting => Earliest(next, waiting.Until),
                null => Earliest(next, now + settings.Lease),
            };
        }

        if (round.Recipients.All(p => ends.TryGetValue(p, out var end) && end is { Done: true }))
        {
            await SummarizeAsync(meeting, round, etag, ends, cancellationToken);
        }

        return next;
    }

    /// <summary>
    /// When a person's reminder of a round may go: when the round opened (or its claim's wait
    /// ends), unless that or now is in the meeting's quiet hours; then when they end, each person
    /// at their own offset within <see cref="ReminderOptions.Spread"/>, so the held-back reminders
    /// do not all go at the same second.
    /// </summary>
    private DateTimeOffset SendAt(Meeting meeting, RoundRecord round, ReminderClaim? claim, string personId, DateTimeOffset now)
    {
        var from = claim is null || claim.Until < round.OpenedAt ? round.OpenedAt : claim.Until;
        var allowed = ReminderCalendar.FirstAllowed(meeting, from);
        var at = allowed > from ? allowed + Offset(round, personId) : from;
        return at <= now && ReminderCalendar.FirstAllowed(meeting, now) is var end && end > now ? end + Offset(round, personId) : at;
    }

    /// <summary>A person's place in the spread after quiet hours: the same on every instance.</summary>
    private TimeSpan Offset(RoundRecord round, string personId)
    {
        var hash = BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(round.RoundId + "\n" + personId)).AsSpan(0, 4));
        return options.Value.Spread * (hash / (double)uint.MaxValue);
    }

    /// <summary>
    /// Claims a person's reminder (a new claim, or one whose lease or wait is over, by its ETag),
    /// sends it and records how it ended. Null when another instance holds the claim.
    /// </summary>
    private async Task<ReminderClaim?> SendAsync(Meeting meeting, RoundRecord round, string personId, (ReminderClaim Claim, string ETag)? held, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        // A claim whose lease ran out was begun by an instance that stopped before it finished: that was an attempt.
        var attempts = held is { Claim: { State: ClaimState.Claimed } expired } ? expired.Attempts + 1 : held?.Claim.Attempts ?? 0;
        var mine = new ReminderClaim(round.RoundId, personId, ClaimState.Claimed, time.GetUtcNow() + settings.Lease, attempts);
        StoredDocument claimed;
        try
        {
            claimed = held is { } h
                ? await store.ReplaceAsync(mine.ToDocument(meeting.Id), h.ETag, cancellationToken)
                : await store.CreateAsync(mine.ToDocument(meeting.Id), cancellationToken);
        }
        catch (Exception e) when (e is DocumentConflictException or DocumentPreconditionFailedException)
        {
            return null;
        }

        var end = await DeliverAsync(meeting, round, personId, cancellationToken) is { } state ? mine with { State = state }
            : attempts + 1 >= settings.Attempts ? mine with { State = ClaimState.Failed, Attempts = attempts + 1 }
            : mine with { State = ClaimState.Waiting, Until = time.GetUtcNow() + settings.RetryDelay * (1 << attempts), Attempts = attempts + 1 };
        try
        {
            await store.ReplaceAsync(end.ToDocument(meeting.Id), claimed.ETag, cancellationToken);
            return end;
        }
        catch (DocumentPreconditionFailedException)
        {
            // The lease ran out while sending and another instance took the claim over: its record stands.
            return null;
        }
    }

    /// <summary>Sends one reminder to the conversation the person last used; null when the send failed and may be tried again.</summary>
    private async Task<ClaimState?> DeliverAsync(Meeting meeting, RoundRecord round, string personId, CancellationToken cancellationToken)
    {
        var stored = await store.ReadAsync(SelfCheckRecord.KeyOf(meeting.Id, personId), cancellationToken);
        var selfCheck = stored is null ? null : SelfCheckRecord.FromJson(stored.Body);
        if (meeting.Person(personId) is not { } person || selfCheck is { RemindersPaused: true } || round.Kind != ReminderKind.PromptCard && selfCheck?.Submission is not null)
        {
            return ClaimState.Skipped;
        }

        if (selfCheck?.LastConversation is not { } to)
        {
            return ClaimState.Unreachable;
        }

        try
        {
            var key = $"reminder:{meeting.Id}:{round.RoundId}:{personId}";
            return await Turns.RunAsync(to.ChannelId, to.ConversationId, key, NoticeOf(meeting, round, person, selfCheck), cancellationToken, redeliver: true) switch
            {
                DeliveryResult.Delivered or DeliveryResult.AlreadyDelivered => ClaimState.Sent,
                DeliveryResult.Unreachable => ClaimState.Unreachable,
                _ => null,
            };
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.ReminderSendFailed(logger, e.GetType().Name);
            return null;
        }
    }

    private Notice NoticeOf(Meeting meeting, RoundRecord round, RosterEntry person, SelfCheckRecord selfCheck)
    {
        var values = new Dictionary<string, object?>
        {
            ["title"] = meeting.Title,
            ["deadline"] = meeting.Deadline is { } deadline ? views.LocalTime(deadline) : null,
            ["held_at"] = meeting.HeldAt is { } heldAt ? views.LocalTime(heldAt) : null,
        };
        return round.Kind switch
        {
            ReminderKind.PromptCard => new Notice(MessageKeys.ReminderPromptCard, values) { Then = [prompts.Card(meeting, person, selfCheck)] },
            ReminderKind.Manual => new Notice(MessageKeys.ReminderManual, values),
            _ => new Notice(MessageKeys.ReminderDeadline, values),
        };
    }

    /// <summary>
    /// A round that is through: its summary to every secretary (once per conversation, by its key),
    /// then the round is marked finished. A round that had nobody to remind is finished quietly.
    /// </summary>
    private async Task SummarizeAsync(Meeting meeting, RoundRecord round, string etag, ConcurrentDictionary<string, ReminderClaim?> ends, CancellationToken cancellationToken)
    {
        if (round.Recipients.Count > 0)
        {
            string[] NamesIn(ClaimState state) =>
                [.. round.Recipients.Where(p => ends[p]!.State == state).Select(p => meeting.Roster.First(e => e.PersonId == p).Name)];
            var notice = new Notice(MessageKeys.ReminderSummary, new Dictionary<string, object?>
            {
                ["title"] = meeting.Title,
                ["kind"] = JsonNamingPolicy.SnakeCaseLower.ConvertName(round.Kind.ToString()),
                ["sent"] = round.Recipients.Count(p => ends[p]!.State == ClaimState.Sent),
                ["skipped"] = round.Recipients.Count(p => ends[p]!.State == ClaimState.Skipped),
                ["unreachable"] = NamesIn(ClaimState.Unreachable),
                ["failed"] = NamesIn(ClaimState.Failed),
            });
            foreach (var secretary in meeting.Secretaries)
            {
                var stored = await store.ReadAsync(SelfCheckRecord.KeyOf(meeting.Id, secretary.PersonId), cancellationToken);
                if (stored is not null && SelfCheckRecord.FromJson(stored.Body).LastConversation is { } to)
                {
                    try
                    {
                        await Turns.RunAsync(to.ChannelId, to.ConversationId, $"reminder-summary:{meeting.Id}:{round.RoundId}", notice, cancellationToken);
                    }
                    catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        // The summary is the secretaries' news, not a duty: 进度 shows the same, so it is not sent again.
                        Log.ReminderSendFailed(logger, e.GetType().Name);
                    }
                }
            }
        }

        try
        {
            await store.ReplaceAsync((round with { SummarizedAt = time.GetUtcNow() }).ToDocument(meeting.Id), etag, cancellationToken);
        }
        catch (DocumentPreconditionFailedException)
        {
            // Another instance finished it at the same moment; its summary went under the same key.
        }

        Log.ReminderRoundFinished(logger, round.Kind, round.Recipients.Count);
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is { } x && (b is null || x < b) ? x : b;
}
