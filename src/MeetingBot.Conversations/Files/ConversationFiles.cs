using System.Security.Cryptography;
using System.Text.Json;
using MeetingBot.Storage;

namespace MeetingBot.Conversations.Files;

/// <summary>A file a turn produced: what the reply refers to, and its bytes.</summary>
public sealed record NewFile(ReplyAttachment Attachment, byte[] Content)
{
    /// <summary>A new file with an unguessable id (128 random bits), which is part of the only link to it.</summary>
    public static NewFile Create(string name, string mediaType, byte[] content) =>
        new(new ReplyAttachment(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), name, mediaType, content.Length), content);
}

/// <summary>A file as stored: name, media type and content.</summary>
public sealed record StoredFile(string Name, string MediaType, byte[] Content);

/// <summary>
/// The files the bot sends, kept in the conversation's partition for Conversations:FileLifetime and
/// then gone (the store's time to live). They are written with the turn that made them, in the same
/// batch as its state, so a reply never points at a file that was not kept.
/// </summary>
public sealed class ConversationFiles(IDocumentStore store)
{
    public const string Kind = "file";

    public static DocumentKey KeyOf(string partitionKey, string fileId) => new(partitionKey, "file-" + fileId);

    public static NewDocument Document(string partitionKey, NewFile file, TimeSpan lifetime) => new(
        KeyOf(partitionKey, file.Attachment.FileId),
        Kind,
        JsonSerializer.SerializeToElement(new StoredFile(file.Attachment.Name, file.Attachment.MediaType, file.Content), StoredJson.Context.StoredFile),
        lifetime);

    /// <summary>A file of the conversation at <paramref name="address"/>; null when there is none of that id or it has expired.</summary>
    public Task<StoredFile?> ReadAsync(ConversationAddress address, string fileId, CancellationToken cancellationToken) =>
        ReadAsync(ConversationKeys.Partition(address.ChannelId, address.ConversationId), fileId, cancellationToken);

    /// <summary>The file, or null when there is none of that id in the partition or it has expired.</summary>
    public async Task<StoredFile?> ReadAsync(string partitionKey, string fileId, CancellationToken cancellationToken)
    {
        var document = await store.ReadAsync(KeyOf(partitionKey, fileId), cancellationToken);
        return document is { Kind: Kind } ? document.Body.Deserialize(StoredJson.Context.StoredFile) : null;
    }
}
