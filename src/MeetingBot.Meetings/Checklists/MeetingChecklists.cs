using MeetingBot.Dialogs.Loading;
using YamlDotNet.RepresentationModel;

namespace MeetingBot.Meetings.Checklists;

/// <summary>
/// What a member checks before a meeting of each kind (个人有关事项报告, 执行中央八项规定精神, …):
/// the checklists of dialogs/prompt-card.yaml, which the prompt card (提示) lists. Loaded and checked
/// at start-up: every kind needs a list of at least one item, an unknown kind, an empty item or one
/// listed twice is an error with the file and line (dialogs/README.md, "prompt-card.yaml").
/// </summary>
public sealed class MeetingChecklists
{
    public const string FileName = "prompt-card.yaml";

    private const string ChecklistsKey = "checklists";

    private readonly Dictionary<MeetingKind, IReadOnlyList<string>> _items;

    private MeetingChecklists(Dictionary<MeetingKind, IReadOnlyList<string>> items) => _items = items;

    /// <summary>The items a meeting of that kind asks its members to check, in the file's order.</summary>
    public IReadOnlyList<string> For(MeetingKind kind) => _items[kind];

    /// <exception cref="ContentLoadException">The file is missing or a checklist is missing, unknown, empty or repeats an item.</exception>
    public static MeetingChecklists Load(string dialogsDirectory)
    {
        var problems = new List<string>();
        var items = new Dictionary<MeetingKind, IReadOnlyList<string>>();
        var root = YamlFile.Open(dialogsDirectory, FileName, problems, out var file);
        if (root is not null)
        {
            file.OnlyKeys(root, ChecklistsKey);
            if (file.Mapping(root, ChecklistsKey, required: true) is { } lists)
            {
                file.OnlyKeys(lists, [.. MeetingKinds.Ids]);
                foreach (var id in MeetingKinds.Ids)
                {
                    items[MeetingKinds.FromId(id)!.Value] = Read(file, lists, id);
                }
            }
        }

        return problems.Count > 0 ? throw new ContentLoadException(problems) : new MeetingChecklists(items);
    }

    private static List<string> Read(YamlFile file, YamlMappingNode lists, string kind)
    {
        var items = new List<string>();
        file.Strings(lists, kind);
        var value = YamlFile.Get(lists, kind);
        foreach (var node in value is YamlSequenceNode list ? list.Children : [])
        {
            var item = (node as YamlScalarNode)?.Value?.Trim() ?? "";
            if (item.Length == 0)
            {
                file.Problem(node, $"checklist '{kind}' has an empty item");
            }
            else if (items.Contains(item))
            {
                file.Problem(node, $"checklist '{kind}' lists '{item}' twice");
            }
            else
            {
                items.Add(item);
            }
        }

        if (items.Count == 0)
        {
            file.Problem(value ?? lists, $"checklist '{kind}' needs at least one item");
        }

        return items;
    }
}
