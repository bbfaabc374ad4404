using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Options;

namespace MeetingBot.Storage.Cosmos;

/// <summary>The "Storage:Cosmos" configuration section, read when Storage:Provider is Cosmos.</summary>
public sealed class CosmosStorageOptions
{
    public const string SectionName = "Storage:Cosmos";

    /// <summary>The account endpoint, e.g. https://myaccount.documents.azure.com:443/ (or .documents.azure.cn).</summary>
    public string Endpoint { get; set; } = "";

    /// <summary>
    /// The account key. When empty the bot signs in with Microsoft Entra ID through
    /// DefaultAzureCredential (managed identity, workload identity, Azure CLI, …). A secret: set it
    /// through an environment variable or user secrets, never in appsettings.json.
    /// </summary>
    public string Key { get; set; } = "";

    public string Database { get; set; } = "meetingbot";

    public string Container { get; set; } = "documents";

    /// <summary>
    /// Creates the database and container at start-up when missing. Off by default: creating needs
    /// a key (Entra ID data-plane roles cannot create them), and in production the container is
    /// usually defined with the rest of the infrastructure.
    /// </summary>
    public bool CreateIfNotExists { get; set; }

    /// <summary>Direct (TCP, the SDK's default and fastest) or Gateway (HTTPS on port 443 only).</summary>
    public ConnectionMode ConnectionMode { get; set; } = ConnectionMode.Direct;

    /// <summary>
    /// Talks to <see cref="Endpoint"/> only, never to the regional endpoints the account lists;
    /// needed for emulators and single-endpoint servers, which advertise addresses that do not work.
    /// </summary>
    public bool LimitToEndpoint { get; set; }
}

// Messages name the full configuration key because that is what an operator has to fix; they never
// repeat the key's value.
internal sealed class CosmosStorageOptionsValidator : IValidateOptions<CosmosStorageOptions>
{
    // Cosmos DB resource names: at most 255 characters, none of these.
    private static readonly char[] ForbiddenNameCharacters = ['/', '\\', '?', '#'];

    public ValidateOptionsResult Validate(string? name, CosmosStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Endpoint))
        {
            failures.Add("Storage:Cosmos:Endpoint is required when Storage:Provider is Cosmos.");
        }
        else if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("https" or "http"))
        {
            failures.Add("Storage:Cosmos:Endpoint must be an absolute http(s) URL such as https://myaccount.documents.azure.com:443/.");
        }

        if (!string.IsNullOrEmpty(options.Key) && !IsBase64(options.Key))
        {
            failures.Add("Storage:Cosmos:Key must be the account key as shown by the portal (base64), or empty to sign in with Entra ID.");
        }

        CheckName(options.Database, "Storage:Cosmos:Database", failures);
        CheckName(options.Container, "Storage:Cosmos:Container", failures);
        if (!Enum.IsDefined(options.ConnectionMode))
        {
            failures.Add("Storage:Cosmos:ConnectionMode must be Direct or Gateway.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckName(string? value, string key, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{key} is required when Storage:Provider is Cosmos.");
        }
        else if (value.Length > 255 || value.IndexOfAny(ForbiddenNameCharacters) >= 0 || value.EndsWith(' '))
        {
            failures.Add($"{key} must be at most 255 characters without '/', '\\', '?', '#' or a trailing space.");
        }
    }

    private static bool IsBase64(string value)
    {
        Span<byte> buffer = stackalloc byte[256];
        return value.Length <= 344 && Convert.TryFromBase64String(value, buffer, out _);
    }
}
