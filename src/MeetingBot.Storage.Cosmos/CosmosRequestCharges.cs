using System.Diagnostics.Metrics;
using System.Net;

namespace MeetingBot.Storage.Cosmos;

/// <summary>
/// The request charge (RU) of every Cosmos DB call, as the histogram
/// <c>meetingbot.cosmos.request_charge</c> of the meter <c>MeetingBot.Storage.Cosmos</c>, tagged with
/// the store operation and the HTTP status. Its count is the number of calls, its sum the RUs spent,
/// so the cost of a turn can be read off any metrics exporter (e.g. dotnet-counters). Beside it,
/// <c>meetingbot.cosmos.item_size</c>: the bytes of each item a call read or wrote (a batch records
/// each of its items), which is what a real account's charge grows with (docs/architecture.md,
/// "Request units").
/// </summary>
public sealed class CosmosRequestCharges
{
    public const string MeterName = "MeetingBot.Storage.Cosmos";

    public const string InstrumentName = "meetingbot.cosmos.request_charge";

    public const string ItemSizeInstrumentName = "meetingbot.cosmos.item_size";

    // Used when no IMeterFactory is given (tools, tests); one per process, like any static meter.
    private static readonly Meter FallbackMeter = new(MeterName);

    private readonly Histogram<double> _charges;
    private readonly Histogram<long> _itemSizes;

    internal CosmosRequestCharges(IMeterFactory? meterFactory)
    {
        var meter = meterFactory?.Create(MeterName) ?? FallbackMeter;
        _charges = meter.CreateHistogram<double>(InstrumentName, unit: "{request_unit}", description: "Request units charged by Azure Cosmos DB per call.");
        _itemSizes = meter.CreateHistogram<long>(ItemSizeInstrumentName, unit: "By", description: "Size of each item a Cosmos DB call read or wrote.");
    }

    internal void Record(string operation, double requestCharge, HttpStatusCode status) =>
        _charges.Record(requestCharge, new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("status_code", (int)status));

    internal void RecordItem(string operation, long bytes) =>
        _itemSizes.Record(bytes, new KeyValuePair<string, object?>("operation", operation));
}
