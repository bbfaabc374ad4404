using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace MeetingBot.Materials.OpenXml.Tests;

/// <summary>A written document opened read-only with the SDK, and what the tests read from it.</summary>
internal sealed class Docx : IDisposable
{
    private Docx(byte[] bytes) => Document = WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), isEditable: false);

    public WordprocessingDocument Document { get; }

    public MainDocumentPart Main => Document.MainDocumentPart!;

    public Body Body => Main.Document.Body!;

    public SectionProperties Section => Body.Elements<SectionProperties>().Single();

    public static Docx Open(byte[] bytes) => new(bytes);

    public Style Style(string id) => Main.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(s => s.StyleId == id);

    /// <summary>Each body paragraph as its style id (Normal when it names none) and its text.</summary>
    public IEnumerable<(string Style, string Text)> Paragraphs() =>
        Body.Elements<Paragraph>().Select(p => (p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "Normal", p.InnerText));

    public Footer Footer(HeaderFooterValues type)
    {
        var reference = Section.Elements<FooterReference>().Single(r => r.Type?.Value == type);
        return ((FooterPart)Main.GetPartById(reference.Id!)).Footer!;
    }

    public static T Get<T>(OpenXmlElement element)
        where T : OpenXmlElement =>
        element.Descendants<T>().Single();

    public void Dispose() => Document.Dispose();
}
