using MeetingBot.TestKit;

namespace MeetingBot.Materials.OpenXml.Tests;

/// <summary>
/// LibreOffice converting files headless, in a profile of its own: no settings from elsewhere, and
/// no running LibreOffice to hand the job to. A start costs seconds, so a test class converts all
/// its files at once.
/// </summary>
internal static class LibreOffice
{
    private static readonly TimeSpan ConversionTimeout = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Converts the files of <paramref name="folder"/> named <paramref name="names"/> with
    /// <paramref name="filter"/> (soffice's --convert-to, such as "pdf"); returns the converted
    /// files' paths, in the same order, each named as its source with <paramref name="extension"/>.
    /// </summary>
    public static async Task<string[]> ConvertAsync(TempFolder folder, string filter, string extension, params string[] names)
    {
        var profile = new Uri(folder.File("profile")).AbsoluteUri;
        await Tools.RunAsync(
            "soffice",
            [$"-env:UserInstallation={profile}", "--headless", "--convert-to", filter, "--outdir", folder.Path, .. names.Select(folder.File)],
            ConversionTimeout);

        // soffice exits 0 even when it could not convert a file, so its output is checked. It cannot
        // load a workbook without Calc, which Debian packages apart from Writer.
        return names.Select(name => folder.File(Path.ChangeExtension(name, extension)))
            .Select(path => File.Exists(path) ? path : throw new InvalidOperationException(
                $"LibreOffice did not write {Path.GetFileName(path)}. A workbook needs the Debian package libreoffice-calc-nogui besides libreoffice-writer-nogui."))
            .ToArray();
    }
}
