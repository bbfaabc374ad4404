using MeetingBot.Dialogs.Bank;
using YamlDotNet.RepresentationModel;

namespace MeetingBot.Dialogs.Loading;

/// <summary>Reads one step mapping of a bank file: its fields, options and condition.</summary>
internal static class StepReader
{
    private static readonly string[] StepKeys =
    [
        "id", "kind", "prompt", "role", "aspect", "when", "optional", "gap", "max_length", "hint", "validate",
        "retry_prompt", "unit", "min", "options", "options_from", "other", "suggest_from", "for_each", "offer",
    ];

    private static readonly string[] OptionKeys = ["id", "label", "statement", "heading", "suggests"];

    public static Step Read(YamlFile file, YamlMappingNode map, string sectionId)
    {
        file.OnlyKeys(map, StepKeys);
        var kindText = file.Text(map, "kind", required: true);
        var kind = StepKind.Text;
        if (kindText is not null && (!Enum.TryParse(kindText, ignoreCase: true, out kind) || kindText.Any(char.IsUpper)))
        {
            file.Problem(map, $"unknown kind '{kindText}' (allowed: text, number, date, choice, multi, review)");
        }

        var whenNode = YamlFile.Get(map, "when");
        var otherNode = YamlFile.Get(map, "other") as YamlMappingNode;
        return new Step
        {
            Id = file.Text(map, "id", required: true) ?? "",
            SectionId = sectionId,
            Kind = kind,
            Prompt = file.Text(map, "prompt", required: true) ?? "",
            Line = (int)map.Start.Line,
            Role = file.Text(map, "role"),
            Aspect = file.Text(map, "aspect"),
            When = whenNode is null ? null : ReadCondition(file, whenNode),
            Optional = file.Flag(map, "optional"),
            Gap = file.Text(map, "gap"),
            MaxLength = file.Number(map, "max_length"),
            Hint = file.Text(map, "hint"),
            Validate = file.Text(map, "validate"),
            RetryPrompt = file.Text(map, "retry_prompt"),
            Unit = file.Text(map, "unit"),
            Min = file.Number(map, "min") ?? 1,
            Options = file.Mappings(map, "options").Select(o => ReadOption(file, o)).ToArray(),
            OptionsFrom = file.Text(map, "options_from"),
            Other = otherNode is null ? null : ReadOther(file, otherNode),
            SuggestFrom = file.Strings(map, "suggest_from"),
            ForEach = file.Text(map, "for_each"),
            Offer = file.Text(map, "offer"),
        };
    }

    private static ChoiceOption ReadOption(YamlFile file, YamlMappingNode map)
    {
        file.OnlyKeys(map, OptionKeys);
        return new ChoiceOption
        {
            Id = file.Text(map, "id", required: true) ?? "",
            Label = file.Text(map, "label", required: true) ?? "",
            Statement = file.Text(map, "statement"),
            Heading = file.Text(map, "heading"),
            Suggests = file.Strings(map, "suggests"),
        };
    }

    private static OtherOption ReadOther(YamlFile file, YamlMappingNode map)
    {
        file.OnlyKeys(map, "label", "prompt");
        return new OtherOption(file.Text(map, "label", required: true) ?? "", file.Text(map, "prompt", required: true) ?? "");
    }

    private static Condition? ReadCondition(YamlFile file, YamlNode node)
    {
        if (node is not YamlMappingNode { Children.Count: 1 } map)
        {
            file.Problem(node, "'when' must be a mapping with exactly one condition");
            return null;
        }

        var (keyNode, value) = map.Children.Single();
        switch (((YamlScalarNode)keyNode).Value)
        {
            case "selected" when value is YamlScalarNode { Value: { } step }:
                return new SelectedCondition(step);
            case "equals" when value is YamlMappingNode equals:
                file.OnlyKeys(equals, "step", "option");
                return new EqualsCondition(file.Text(equals, "step", required: true) ?? "", file.Text(equals, "option", required: true) ?? "");
            case "context_missing" when value is YamlScalarNode { Value: { Length: > 0 } role }:
                return new ContextMissingCondition(role);
            case "context_has" when value is YamlScalarNode { Value: { Length: > 0 } name }:
                return new ContextHasCondition(name);
            case "any" when value is YamlSequenceNode list:
                return new AnyCondition(list.Children.Select(c => ReadCondition(file, c)).OfType<Condition>().ToArray());
            case "all" when value is YamlSequenceNode list:
                return new AllCondition(list.Children.Select(c => ReadCondition(file, c)).OfType<Condition>().ToArray());
            case var other:
                file.Problem(keyNode, $"unknown or malformed condition '{other}' (allowed: selected, equals, context_missing, context_has, any, all)");
                return null;
        }
    }
}
