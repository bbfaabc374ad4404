namespace CosmosCost;

/// <summary>
/// Request units of Cosmos DB operations by item size, from the table Microsoft publishes in
/// "Understand request unit consumption" (Azure Cosmos DB documentation): a point read and a write
/// of an item of 1, 2, 4 … 2,048 KB, session or eventual consistency, default indexing. Sizes in
/// between are interpolated linearly; smaller items cost what 1 KB costs. MeetingBot's container
/// leaves the item bodies out of the index (docs/architecture.md, "Request units"), so for its
/// writes the figures are an upper bound. A query is estimated as the point reads of the items it
/// returns, a lower bound, and a read that finds nothing as the read of a 1 KB item.
/// </summary>
public static class RequestUnitModel
{
    public const string Method =
        "Microsoft's published read and write charges by item size, default indexing, interpolated; writes therefore an upper bound for our index policy, " +
        "a batch the sum of its writes, a read that finds nothing 1 RU";

    // (KB, read RU, write RU), as published.
    private static readonly (double Kilobytes, double Read, double Write)[] Published =
    [
        (1, 1.00, 4.95), (2, 1.04, 6.29), (4, 1.14, 6.67), (8, 1.33, 7.04), (16, 1.67, 9.52), (32, 2.19, 11.23),
        (64, 4.76, 22.67), (128, 9.95, 48.19), (256, 20.28, 98.29), (512, 40.95, 184.57), (1024, 145.90, 625.00), (2048, 291.80, 1250.00),
    ];

    public static bool IsWrite(CosmosItem item) => item.Operation is "create" or "replace" or "upsert" or "batch";

    public static double Estimate(CosmosItem item) => IsWrite(item) ? Write(item.Bytes) : PointRead(item.Bytes);

    public static double PointRead(long bytes) => Interpolate(bytes, row => row.Read);

    public static double Write(long bytes) => Interpolate(bytes, row => row.Write);

    private static double Interpolate(long bytes, Func<(double Kilobytes, double Read, double Write), double> charge)
    {
        var kilobytes = bytes / 1024.0;
        if (kilobytes <= Published[0].Kilobytes)
        {
            return charge(Published[0]);
        }

        for (var i = 1; i < Published.Length; i++)
        {
            if (kilobytes <= Published[i].Kilobytes)
            {
                var (low, high) = (Published[i - 1], Published[i]);
                var share = (kilobytes - low.Kilobytes) / (high.Kilobytes - low.Kilobytes);
                return charge(low) + (share * (charge(high) - charge(low)));
            }
        }

        // Cosmos DB items end at 2 MB.
        return charge(Published[^1]);
    }
}
