using System.IO.Compression;
using MeetingBot.Drafting;
using Microsoft.Extensions.Configuration;

namespace MeetingBot.Channels.BotFramework.Teams;

/// <summary>
/// Builds the Teams app package (docs/protocols.md F.4): manifest.json rendered from
/// templates/teams/manifest.json.scriban with the deployment's settings, and the two icons.
/// </summary>
public static class TeamsAppPackage
{
    public const string ManifestTemplate = "manifest.json";

    /// <summary>Writes the zip; the settings come from the same configuration the bot runs with.</summary>
    public static void Write(IConfiguration configuration, string templatesDirectory, string zipPath)
    {
        var settings = TeamsPackageSettings.From(configuration);
        var templates = TemplateCatalog.Load(Path.Combine(templatesDirectory, "teams"), [new TemplateSpec(ManifestTemplate, [settings])]);
        var manifest = templates.Render(ManifestTemplate, settings);

        using var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create);
        Add(zip, "manifest.json", System.Text.Encoding.UTF8.GetBytes(manifest));
        Add(zip, "color.png", PngIcon.Color(192, settings.AccentColor));
        Add(zip, "outline.png", PngIcon.Outline(32));
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(content);
    }
}

/// <summary>What the manifest takes from configuration (MicrosoftAppId and the Teams section).</summary>
public sealed record TeamsPackageSettings
{
    public required string AppId { get; init; }

    public required string BotId { get; init; }

    public required string Version { get; init; }

    public required string DeveloperName { get; init; }

    public required string WebsiteUrl { get; init; }

    public required string PrivacyUrl { get; init; }

    public required string TermsOfUseUrl { get; init; }

    public required string AccentColor { get; init; }

    public static TeamsPackageSettings From(IConfiguration configuration)
    {
        var teams = configuration.GetSection("Teams");
        string Required(IConfiguration section, string key, string name) =>
            section[key] is { Length: > 0 } value ? value : throw new InvalidOperationException($"{name} is required to build the Teams app package.");

        var botId = Required(configuration, "MicrosoftAppId", "MicrosoftAppId");
        var settings = new TeamsPackageSettings
        {
            BotId = botId,
            AppId = teams["AppId"] is { Length: > 0 } appId ? appId : botId,
            Version = teams["Version"] is { Length: > 0 } version ? version : "1.0.0",
            DeveloperName = Required(teams, "DeveloperName", "Teams:DeveloperName"),
            WebsiteUrl = Required(teams, "WebsiteUrl", "Teams:WebsiteUrl"),
            PrivacyUrl = Required(teams, "PrivacyUrl", "Teams:PrivacyUrl"),
            TermsOfUseUrl = Required(teams, "TermsOfUseUrl", "Teams:TermsOfUseUrl"),
            AccentColor = teams["AccentColor"] is { Length: > 0 } color ? color : "#C8102E",
        };
        if (!Guid.TryParse(settings.AppId, out _) || !Guid.TryParse(settings.BotId, out _))
        {
            throw new InvalidOperationException("MicrosoftAppId (and Teams:AppId when set) must be a GUID for a Teams app.");
        }

        foreach (var url in new[] { settings.WebsiteUrl, settings.PrivacyUrl, settings.TermsOfUseUrl })
        {
            if (!url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"Teams URLs must use https: {url}");
            }
        }

        return settings;
    }
}
