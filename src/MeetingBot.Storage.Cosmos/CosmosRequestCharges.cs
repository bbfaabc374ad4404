using System.Diagnostics.Metrics;
using System.Net;

namespace MeetingBot.Storage.Cosmos;

/// <summary>
/// The request charge (RU) of every Cosmos DB call, as the histogram
/// <c>meetingbot.cosmos.request_charge</c> of the meter <c>MeetingBot.Storage.Cosmos</c>, tagged with
/// the store operation and the HTTP status. Its count is the number of calls, its sum the RUs spent,
/// so the cost of a turn can be read off any metrics exporter (e.g. dotnet-counters).
/// </summary>
public sealed class CosmosRequestCharges
{
    public const string MeterName = "MeetingBot.Storage.Cosmos";

    public const string InstrumentName = "meetingbot.cosmos.request_charge";

    // Used when no IMeterFactory is given (tools, tests); one per process, like any static meter.
    private static readonly Meter FallbackMeter = new(MeterName);

    private readonly Histogram<double> _charges;

    internal CosmosRequestCharges(IMeterFactory? meterFactory)
    {
        var meter = meterFactory?.Create(MeterName) ?? FallbackMeter;
        _charges = meter.CreateHistogram<double>(InstrumentName, unit: "{request_unit}", description: "Request units charged by Azure Cosmos DB per call.");
    }

    internal void Record(string operation, double requestCharge, HttpStatusCode status) =>
        _charges.Record(requestCharge, new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("status_code", (int)status));
}
