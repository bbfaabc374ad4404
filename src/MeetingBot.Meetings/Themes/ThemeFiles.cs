using MeetingBot.Dialogs.Loading;
using YamlDotNet.RepresentationModel;

namespace MeetingBot.Meetings.Themes;

/// <summary>Reads and checks the theme files; every problem names the file and the line.</summary>
internal static class ThemeFiles
{
    private const int FirstYear = 2000;
    private const int LastYear = 2999;

    public static ThemeCatalog Load(string directory, IReadOnlyList<string> aspects)
    {
        var problems = new List<string>();
        if (!Directory.Exists(directory))
        {
            throw new ContentLoadException([$"{Path.GetFileName(directory)}: the folder of theme files is missing ({directory})"]);
        }

        var themes = new List<Theme>();
        foreach (var path in Directory.GetFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            var root = YamlFile.Open(directory, Path.GetFileName(path), problems, out var file);
            if (root is not null && Read(file, root, aspects) is { } theme)
            {
                themes.Add(theme);
            }
        }

        foreach (var twin in themes.GroupBy(t => (t.Kind, t.Year)).Where(g => g.Count() > 1))
        {
            problems.Add($"themes {string.Join(", ", twin.Select(t => t.Id))}: one theme per kind and year");
        }

        return problems.Count > 0 ? throw new ContentLoadException(problems) : new ThemeCatalog(themes, aspects);
    }

    private static Theme? Read(YamlFile file, YamlMappingNode root, IReadOnlyList<string> aspects)
    {
        file.OnlyKeys(root, "id", "version", "kind", "year", "title", "headings", "aspects", "findings_section");
        var id = file.Text(root, "id", required: true) ?? "";
        if (id.Length > 0 && id + ".yaml" != file.Name)
        {
            file.Problem(root, $"the id '{id}' must be the file's name ({id}.yaml)");
        }

        if (id == Theme.EnteredId)
        {
            file.Problem(root, $"the id '{Theme.EnteredId}' is reserved for headings entered by hand");
        }

        var version = file.Number(root, "version") ?? 0;
        if (version < 1)
        {
            file.Problem(root, "'version' is required: a whole number from 1, raised when the headings change");
        }

        var kindText = file.Text(root, "kind", required: true);
        var kind = kindText is null ? null : MeetingKinds.FromId(kindText);
        if (kindText is not null && kind is null)
        {
            file.Problem(YamlFile.Get(root, "kind")!, $"unknown kind '{kindText}' (allowed: {string.Join(", ", MeetingKinds.Ids)})");
        }

        var year = file.Number(root, "year");
        if (year is not null and (< FirstYear or > LastYear))
        {
            file.Problem(YamlFile.Get(root, "year")!, $"'year' must be a year from {FirstYear} to {LastYear}");
        }
        else if (year is null && kind == MeetingKind.Annual)
        {
            file.Problem(root, "an annual theme needs the 'year' it reviews");
        }

        var findingsSection = file.Flag(root, "findings_section");
        if (findingsSection && kind is { } k && !MeetingKinds.IsInspection(k))
        {
            file.Problem(YamlFile.Get(root, "findings_section")!, "only inspection themes give the findings a section of their own");
        }

        var headings = ReadHeadings(file, root);
        var mapping = ReadAspects(file, root, aspects, headings);
        return kind is null ? null : new Theme
        {
            Id = id,
            Version = version,
            Kind = kind.Value,
            Year = year,
            Title = file.Text(root, "title", required: true) ?? "",
            Headings = headings,
            AspectHeadings = mapping,
            FindingsSection = findingsSection,
        };
    }

    private static ThemeHeading[] ReadHeadings(YamlFile file, YamlMappingNode root)
    {
        var headings = new List<ThemeHeading>();
        foreach (var map in file.Mappings(root, "headings", required: true))
        {
            file.OnlyKeys(map, "id", "title");
            var heading = new ThemeHeading(file.Text(map, "id", required: true) ?? "", file.Text(map, "title", required: true) ?? "");
            if (headings.Any(h => h.Id == heading.Id))
            {
                file.Problem(map, $"heading id '{heading.Id}' is used more than once");
            }

            if (headings.Any(h => h.Title == heading.Title))
            {
                file.Problem(map, $"heading '{heading.Title}' is listed more than once");
            }

            headings.Add(heading);
        }

        return [.. headings];
    }

    private static Dictionary<string, string> ReadAspects(YamlFile file, YamlMappingNode root, IReadOnlyList<string> aspects, ThemeHeading[] headings)
    {
        var mapping = new Dictionary<string, string>(StringComparer.Ordinal);
        if (file.Mapping(root, "aspects", required: true) is not { } map)
        {
            return mapping;
        }

        file.OnlyKeys(map, [.. aspects]);
        foreach (var aspect in aspects)
        {
            var heading = file.Text(map, aspect, required: true);
            if (heading is not null && headings.All(h => h.Id != heading))
            {
                file.Problem(YamlFile.Get(map, aspect)!, $"aspect '{aspect}' names heading '{heading}', which the theme does not have");
            }
            else if (heading is not null)
            {
                mapping[aspect] = heading;
            }
        }

        return mapping;
    }
}
