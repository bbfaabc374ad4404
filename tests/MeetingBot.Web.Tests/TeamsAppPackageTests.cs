using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json;
using MeetingBot.Channels.BotFramework.Teams;
using MeetingBot.Dialogs.Loading;
using MeetingBot.TestKit;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace MeetingBot.Web.Tests;

/// <summary>The Teams app package built from configuration holds a manifest with every required field and the two icons (docs/protocols.md F).</summary>
public sealed class TeamsAppPackageTests : IDisposable
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private readonly TempFolder _folder = new();

    [Fact]
    public void The_package_has_a_valid_manifest_and_both_icons()
    {
        using var zip = Build();
        using var manifest = JsonDocument.Parse(Read(zip, "manifest.json"));
        var root = manifest.RootElement;

        Assert.Equal("1.24", root.GetProperty("manifestVersion").GetString());
        Assert.EndsWith("/v1.24/MicrosoftTeams.schema.json", root.GetProperty("$schema").GetString(), StringComparison.Ordinal);
        Assert.Matches(@"^\d+\.\d+\.\d+$", root.GetProperty("version").GetString());
        Assert.Equal(AppId, root.GetProperty("id").GetString());
        var developer = root.GetProperty("developer");
        Assert.InRange(developer.GetProperty("name").GetString()!.Length, 1, 32);
        foreach (var url in new[] { "websiteUrl", "privacyUrl", "termsOfUseUrl" })
        {
            Assert.StartsWith("https://", developer.GetProperty(url).GetString(), StringComparison.Ordinal);
        }

        Assert.InRange(root.GetProperty("name").GetProperty("short").GetString()!.Length, 1, 30);
        Assert.InRange(root.GetProperty("name").GetProperty("full").GetString()!.Length, 1, 100);
        Assert.InRange(root.GetProperty("description").GetProperty("short").GetString()!.Length, 1, 80);
        Assert.InRange(root.GetProperty("description").GetProperty("full").GetString()!.Length, 1, 4000);
        Assert.Matches("^#[0-9A-Fa-f]{6}$", root.GetProperty("accentColor").GetString());

        var bot = Assert.Single(root.GetProperty("bots").EnumerateArray());
        Assert.Equal(AppId, bot.GetProperty("botId").GetString());
        Assert.Contains("personal", bot.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        var commands = bot.GetProperty("commandLists")[0].GetProperty("commands").EnumerateArray().ToArray();
        Assert.InRange(commands.Length, 1, 12);
        Assert.All(commands, c => Assert.InRange(c.GetProperty("title").GetString()!.Length, 1, 128));

        Assert.Equal((192, 192), PngSize(Read(zip, root.GetProperty("icons").GetProperty("color").GetString()!)));
        Assert.Equal((32, 32), PngSize(Read(zip, root.GetProperty("icons").GetProperty("outline").GetString()!)));
    }

    [Fact]
    public void Every_command_in_the_manifest_is_a_command_the_bot_understands()
    {
        using var zip = Build();
        using var manifest = JsonDocument.Parse(Read(zip, "manifest.json"));
        var bank = QuestionBankLoader.Load(RepositoryPaths.Dialogs).Default;

        var titles = manifest.RootElement.GetProperty("bots")[0].GetProperty("commandLists")[0].GetProperty("commands").EnumerateArray()
            .Select(c => c.GetProperty("title").GetString()!);

        Assert.All(titles, title => Assert.NotNull(bank.Commands.Match(title)));
    }

    [Fact]
    public void A_missing_setting_is_named()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["MicrosoftAppId"] = AppId }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => TeamsAppPackage.Write(configuration, RepositoryPaths.Templates, _folder.File("x.zip")));

        Assert.Contains("Teams:DeveloperName", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.File("x.zip")));
    }

    private ZipArchive Build()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = AppId,
            ["Teams:DeveloperName"] = "市委办公室信息中心",
            ["Teams:WebsiteUrl"] = "https://example.org",
            ["Teams:PrivacyUrl"] = "https://example.org/privacy",
            ["Teams:TermsOfUseUrl"] = "https://example.org/terms",
        }).Build();
        var path = _folder.File("meetingbot-teams.zip");
        TeamsAppPackage.Write(configuration, RepositoryPaths.Templates, path);
        return ZipFile.OpenRead(path);
    }

    private static byte[] Read(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    public void Dispose() => _folder.Dispose();
}
