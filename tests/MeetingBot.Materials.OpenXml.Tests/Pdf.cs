using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace MeetingBot.Materials.OpenXml.Tests;

/// <summary>A PDF as poppler-utils reads it: its size, each page's text, each page's lines with their boxes (points, y downwards).</summary>
public sealed record Pdf(string Path, int Pages, double Width, double Height, IReadOnlyList<string> PageTexts, IReadOnlyList<IReadOnlyList<PdfLine>> PageLines)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<Pdf> ReadAsync(string path)
    {
        var info = await Tools.RunAsync("pdfinfo", [path], Timeout);
        var pages = int.Parse(Regex.Match(info, @"^Pages:\s+(\d+)", RegexOptions.Multiline).Groups[1].Value, CultureInfo.InvariantCulture);
        var size = Regex.Match(info, @"^Page size:\s+([\d.]+) x ([\d.]+) pts", RegexOptions.Multiline);

        // pdftotext ends every page with a form feed.
        var text = await Tools.RunAsync("pdftotext", ["-enc", "UTF-8", path, "-"], Timeout);
        var pageTexts = text.Split('\f')[..pages];

        var layout = await Tools.RunAsync("pdftotext", ["-enc", "UTF-8", "-bbox-layout", path, "-"], Timeout);
        return new Pdf(path, pages, Number(size.Groups[1].Value), Number(size.Groups[2].Value), pageTexts, Lines(layout));
    }

    /// <summary>-bbox-layout writes XHTML: page → flow → block → line → word, each with its box.</summary>
    private static List<IReadOnlyList<PdfLine>> Lines(string layout)
    {
        using var reader = XmlReader.Create(new StringReader(layout), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        var html = XDocument.Load(reader);
        return html.Descendants().Where(e => e.Name.LocalName == "page")
            .Select(page => (IReadOnlyList<PdfLine>)page.Descendants().Where(e => e.Name.LocalName == "line")
                .Select(line => new PdfLine(
                    Number(line.Attribute("xMin")!.Value),
                    Number(line.Attribute("yMin")!.Value),
                    Number(line.Attribute("xMax")!.Value),
                    Number(line.Attribute("yMax")!.Value),
                    string.Concat(line.Elements().Select(word => word.Value))))
                .ToList())
            .ToList();
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}

public sealed record PdfLine(double XMin, double YMin, double XMax, double YMax, string Text);
