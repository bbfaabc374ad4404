using System.Text.Json;
using MeetingBot.Storage;

namespace MeetingBot.Conversations.Outbound;

/// <summary>
/// Replies waiting in the store for a channel that fetches them (Direct Line: the page picks them up
/// on its next poll, whichever instance serves it). One document per conversation, in its partition,
/// changed only with its ETag, so concurrent adds and takes lose nothing.
/// </summary>
public sealed class PendingReplies(IDocumentStore store)
{
    public const string Kind = "pending-replies";

    /// <summary>Replies nobody fetched are dropped after this long.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    private const int MaxAttempts = 10;

    public async Task AddAsync(ConversationAddress address, IReadOnlyList<BotReply> replies, CancellationToken cancellationToken) =>
        await ChangeAsync(KeyOf(address.ChannelId, address.ConversationId), queue => [.. queue, .. replies], cancellationToken);

    /// <summary>Takes every waiting reply, oldest first; empty when none waits (one point read).</summary>
    public async Task<IReadOnlyList<BotReply>> TakeAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        IReadOnlyList<BotReply> taken = [];
        await ChangeAsync(KeyOf(channelId, conversationId), queue => { taken = queue; return []; }, cancellationToken);
        return taken;
    }

    private async Task ChangeAsync(DocumentKey key, Func<IReadOnlyList<BotReply>, IReadOnlyList<BotReply>> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await store.ReadAsync(key, cancellationToken);
            var queue = stored is null ? [] : stored.Body.Deserialize(StoredJson.Context.PendingReplyList)!.Replies;
            var changed = change(queue);
            if (changed.Count == 0 && queue.Count == 0)
            {
                return;
            }

            var document = new NewDocument(key, Kind, JsonSerializer.SerializeToElement(new PendingReplyList(changed), StoredJson.Context.PendingReplyList), Lifetime);
            try
            {
                _ = stored is null
                    ? await store.CreateAsync(document, cancellationToken)
                    : await store.ReplaceAsync(document, stored.ETag, cancellationToken);
                return;
            }
            catch (Exception e) when (e is DocumentPreconditionFailedException or DocumentConflictException && attempt < MaxAttempts)
            {
                // Another add or take came first; do it again on what it left.
            }
        }
    }

    private static DocumentKey KeyOf(string channelId, string conversationId) => new(ConversationKeys.Partition(channelId, conversationId), Kind);
}

/// <summary>The stored queue of <see cref="PendingReplies"/>.</summary>
public sealed record PendingReplyList(IReadOnlyList<BotReply> Replies);
