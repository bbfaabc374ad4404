namespace MeetingBot.Storage;

/// <summary>
/// What a store needs done before its first use (a Cosmos DB container checked, or created when so
/// configured). The host runs it at start-up; a command that uses the store without starting the
/// host (<c>meetings import</c>) runs it itself.
/// </summary>
public interface IStoreSetup
{
    Task PrepareAsync(CancellationToken cancellationToken);
}
