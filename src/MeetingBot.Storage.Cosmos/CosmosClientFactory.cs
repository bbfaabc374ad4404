using System.Text.Json;
using Azure.Identity;
using Microsoft.Azure.Cosmos;

namespace MeetingBot.Storage.Cosmos;

/// <summary>Builds the bot's one CosmosClient; it lives as long as the process (the SDK wants that).</summary>
internal static class CosmosClientFactory
{
    // A turn has a user waiting, and Bot Framework channels give up on a reply after about 15
    // seconds, so throttling gets a budget of a few seconds rather than the SDK's default (9 retries
    // within 30 seconds); past it the store throws StoreUnavailableException and the user is asked
    // to try again later.

    /// <summary>How often the SDK retries a throttled (429) request.</summary>
    public const int MaxRetryAttemptsOnRateLimitedRequests = 5;

    /// <summary>How long the SDK waits in all for those retries.</summary>
    public static readonly TimeSpan MaxRetryWaitTimeOnRateLimitedRequests = TimeSpan.FromSeconds(5);

    public static CosmosClient Create(CosmosStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = new CosmosClientOptions
        {
            ApplicationName = "MeetingBot",
            ConnectionMode = options.ConnectionMode,
            LimitToEndpoint = options.LimitToEndpoint,
            MaxRetryAttemptsOnRateLimitedRequests = MaxRetryAttemptsOnRateLimitedRequests,
            MaxRetryWaitTimeOnRateLimitedRequests = MaxRetryWaitTimeOnRateLimitedRequests,
            EnableContentResponseOnWrite = false,
            // Items travel as streams and never meet an SDK serializer; query parameters do, and
            // they should be written the way the rest of the bot writes JSON.
            UseSystemTextJsonSerializerWithOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web),
        };

        return string.IsNullOrEmpty(options.Key)
            ? new CosmosClient(options.Endpoint, Credential(new Uri(options.Endpoint)), clientOptions)
            : new CosmosClient(options.Endpoint, options.Key, clientOptions);
    }

    // The SDK asks for a token scoped to the account host, which already names the cloud; only the
    // sign-in authority has to follow it for Azure China (login.chinacloudapi.cn). Elsewhere
    // DefaultAzureCredential keeps its own default (and AZURE_AUTHORITY_HOST).
    private static DefaultAzureCredential Credential(Uri endpoint)
    {
        var credentialOptions = new DefaultAzureCredentialOptions();
        if (endpoint.Host.EndsWith(".documents.azure.cn", StringComparison.OrdinalIgnoreCase))
        {
            credentialOptions.AuthorityHost = AzureAuthorityHosts.AzureChina;
        }

        return new DefaultAzureCredential(credentialOptions);
    }
}
