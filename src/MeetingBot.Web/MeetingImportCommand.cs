using System.Text.Json;
using MeetingBot.Materials.OpenXml.Spreadsheets;
using MeetingBot.Meetings.Import;
using MeetingBot.Meetings.Storage;
using MeetingBot.Meetings.Themes;
using MeetingBot.Storage;

namespace MeetingBot.Web;

/// <summary>
/// <c>meetings import FILE</c>: a meeting and its roster from a meeting file (YAML, or an .xlsx a
/// secretary keeps; dialogs/README.md, "Meeting files") into the configured store. Importing the
/// same meeting again (same unit and title, or the file's invitation code) updates it and keeps
/// everyone's answers. The last line printed is <c>{"meetingId":"…","invitationCode":"…"}</c>.
/// </summary>
public static class MeetingImportCommand
{
    /// <returns>The exit code: 0 imported, 1 the file has problems (printed, in Chinese), 2 the file cannot be read.</returns>
    public static async Task<int> RunAsync(string path, string[] settings, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            await errors.WriteLineAsync($"No such file: {path}");
            return 2;
        }

        // The command stores and leaves: it serves no page, so the page's sign-in need not be configured.
        await using var app = MeetingBotHost.Build([.. settings, "--DirectLine:Enabled=false"]);
        var reader = new MeetingFileReader(app.Services.GetRequiredService<MeetingFileMessages>(), app.Services.GetRequiredService<ThemeCatalog>());
        MeetingDefinition definition;
        try
        {
            definition = Path.GetExtension(path).Equals(".xlsx", StringComparison.OrdinalIgnoreCase)
                ? reader.ReadWorkbook(Path.GetFileName(path), ReadSheets(path))
                : reader.ReadYaml(path);
        }
        catch (MeetingFileException e)
        {
            foreach (var problem in e.Problems)
            {
                await errors.WriteLineAsync(problem);
            }

            return 1;
        }
        catch (InvalidDataException e)
        {
            await errors.WriteLineAsync($"{path}: {e.Message}");
            return 2;
        }

        foreach (var setup in app.Services.GetServices<IStoreSetup>())
        {
            await setup.PrepareAsync(cancellationToken);
        }

        var meeting = (await app.Services.GetRequiredService<MeetingStore>().ImportAsync(definition, cancellationToken)).Meeting;
        await output.WriteLineAsync(JsonSerializer.Serialize(new ImportResult(meeting.Id, meeting.InvitationCode!), ImportJsonContext.Default.ImportResult));
        return 0;
    }

    private static List<MeetingSheet> ReadSheets(string path)
    {
        using var stream = File.OpenRead(path);
        return [.. SpreadsheetReader.Read(stream).Select(s => new MeetingSheet(s.Name, s.Rows))];
    }
}

internal sealed record ImportResult(string MeetingId, string InvitationCode);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[System.Text.Json.Serialization.JsonSerializable(typeof(ImportResult))]
internal sealed partial class ImportJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
