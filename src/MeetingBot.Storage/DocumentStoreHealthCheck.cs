using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MeetingBot.Storage;

/// <summary>Readiness: the store answers a point read (of a document that need not exist).</summary>
public sealed class DocumentStoreHealthCheck(IDocumentStore store) : IHealthCheck
{
    private static readonly DocumentKey Probe = new("system", "health");

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.ReadAsync(Probe, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (StoreUnavailableException e)
        {
            return HealthCheckResult.Unhealthy("The store does not answer.", e);
        }
    }
}
