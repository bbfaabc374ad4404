using System.Text.Json;
using System.Xml.Linq;
using MeetingBot.Storage;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace MeetingBot.Web.SignIn;

/// <summary>
/// ASP.NET Core's data protection keys, which protect the session cookie and the state of a sign-in
/// in progress, kept in the bot's store: every instance reads the same cookies, and they survive a
/// restart, as the Direct Line secret does. Kept as they are written (the store is trusted with the
/// self-checks themselves); one document per key, in a partition of their own.
/// </summary>
internal sealed class StoredKeyRing(IDocumentStore store) : IXmlRepository
{
    private const string Partition = "system-dataprotection";
    private const string Kind = "dataprotection-key";

    // IXmlRepository is synchronous; it is called at start-up and when the key ring rotates (every
    // 90 days), never per request, so waiting for the store here costs no request a thread.
    public IReadOnlyCollection<XElement> GetAllElements() =>
        Task.Run(() => store.QueryPartitionAsync(Partition, Kind, CancellationToken.None)).GetAwaiter().GetResult()
            .Select(document => XElement.Parse(document.Body.Deserialize(WebJsonContext.Default.StoredKey)!.Xml))
            .ToArray();

    public void StoreElement(XElement element, string friendlyName)
    {
        var body = JsonSerializer.SerializeToElement(new StoredKey(element.ToString(SaveOptions.DisableFormatting)), WebJsonContext.Default.StoredKey);
        Task.Run(() => store.UpsertAsync(new NewDocument(new DocumentKey(Partition, friendlyName), Kind, body), CancellationToken.None)).GetAwaiter().GetResult();
    }
}

/// <summary>A data protection key as stored: its XML.</summary>
internal sealed record StoredKey(string Xml);
