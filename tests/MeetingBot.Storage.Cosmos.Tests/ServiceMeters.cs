using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingBot.Storage.Cosmos.Tests;

/// <summary>An <see cref="IMeterFactory"/> of its own, as a host has, so a test sees only its meters.</summary>
internal sealed class ServiceMeters : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public IMeterFactory Factory => _services.GetRequiredService<IMeterFactory>();

    public void Dispose() => _services.Dispose();
}
