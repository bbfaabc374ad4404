using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MeetingBot.Materials.Checking;

/// <summary>
/// Findings as JSON lines: line, column, length, category, text, suggestion, note, in that order
/// (the record's order). Chinese and punctuation stay as they are: the output goes to a terminal
/// or a file, never into an HTML page, so nothing needs the HTML-safe escaping of the default.
/// </summary>
[JsonSerializable(typeof(Finding))]
internal sealed partial class FindingJson : JsonSerializerContext
{
    public static FindingJson Lines { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string Line(Finding finding) => JsonSerializer.Serialize(finding, Lines.Finding);
}
