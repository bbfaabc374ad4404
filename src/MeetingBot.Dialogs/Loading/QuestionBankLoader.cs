using System.Collections.Frozen;
using System.Text.RegularExpressions;
using MeetingBot.Dialogs.Bank;
using YamlDotNet.RepresentationModel;

namespace MeetingBot.Dialogs.Loading;

/// <summary>
/// Loads dialogs/ into a <see cref="QuestionBankCatalog"/>, checking every file and every
/// cross-reference. Any problem stops the load with a <see cref="ContentLoadException"/> listing them all.
/// </summary>
public static class QuestionBankLoader
{
    public const string SelfCheckFile = "self-check.yaml";
    public const string CommandsFile = "commands.yaml";
    public const string MessagesFile = "messages.yaml";
    public const string ValidatorsFile = "validators.yaml";

    /// <summary>
    /// Loads the shared files and every bank: <paramref name="defaultBankFile"/> (inside the folder, or
    /// a path of its own) is the bank new conversations run; every other YAML file of the folder with
    /// top-level <c>id</c> and <c>sections</c> keys is a bank too.
    /// </summary>
    public static QuestionBankCatalog Load(string directory, string defaultBankFile = SelfCheckFile)
    {
        var problems = new List<string>();
        var validators = LoadValidators(directory, problems);
        var messages = LoadMessages(directory, problems);
        var commands = LoadCommands(directory, problems);
        var files = BankFiles(directory, defaultBankFile).ToArray();
        var loaded = files.Select(file => (File: file, Bank: LoadBank(directory, file, problems))).ToArray();
        if (problems.Count > 0)
        {
            throw new ContentLoadException(problems);
        }

        var banks = loaded.Select(l => new QuestionBank(l.Bank.Id, l.Bank.Version, l.Bank.Sections, commands, messages, validators)).ToArray();
        for (var i = 0; i < banks.Length; i++)
        {
            QuestionBankChecks.Run(banks[i], Path.GetFileName(files[i]), problems);
        }

        foreach (var duplicate in banks.GroupBy(b => b.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"bank id '{duplicate.Key}' is used by more than one file of {directory}");
        }

        return problems.Count > 0 ? throw new ContentLoadException(problems) : new QuestionBankCatalog(banks[0], banks);
    }

    private static IEnumerable<string> BankFiles(string directory, string defaultBankFile)
    {
        yield return defaultBankFile;
        var shared = new[] { CommandsFile, MessagesFile, ValidatorsFile, Path.GetFileName(defaultBankFile) };
        var others = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.yaml") : [];
        foreach (var path in others.Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (!shared.Contains(name, StringComparer.Ordinal) && YamlFile.HasTopLevelKeys(path, "id", "sections"))
            {
                yield return name;
            }
        }
    }

    private static FrozenDictionary<string, AnswerValidator> LoadValidators(string directory, List<string> problems)
    {
        var result = new Dictionary<string, AnswerValidator>(StringComparer.Ordinal);
        var root = YamlFile.Open(directory, ValidatorsFile, problems, out var file);
        if (root is null)
        {
            return result.ToFrozenDictionary();
        }

        foreach (var (keyNode, value) in root.Children)
        {
            var name = ((YamlScalarNode)keyNode).Value!;
            if (value is not YamlMappingNode map)
            {
                file.Problem(value, $"validator '{name}' must be a mapping with description and any_of, none_of or min_length");
                continue;
            }

            file.OnlyKeys(map, "description", "any_of", "none_of", "min_length");
            var patterns = Patterns(file, map, name, "any_of");
            var forbidden = Patterns(file, map, name, "none_of");
            var minLength = file.Number(map, "min_length") ?? 0;
            if (patterns.Count == 0 && forbidden.Count == 0 && minLength == 0)
            {
                file.Problem(map, $"validator '{name}' needs any_of, none_of or min_length");
            }

            result[name] = new AnswerValidator(name, file.Text(map, "description", required: true) ?? name, patterns) { Forbidden = forbidden, MinLength = minLength };
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static List<Regex> Patterns(YamlFile file, YamlMappingNode map, string name, string key)
    {
        var patterns = new List<Regex>();
        foreach (var pattern in file.Strings(map, key))
        {
            try
            {
                patterns.Add(new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)));
            }
            catch (ArgumentException e)
            {
                file.Problem(map, $"validator '{name}': pattern '{pattern}' is not a valid regular expression: {e.Message}");
            }
        }

        return patterns;
    }

    private static FrozenDictionary<string, string> LoadMessages(string directory, List<string> problems)
    {
        var root = YamlFile.Open(directory, MessagesFile, problems, out var file);
        return root is null ? FrozenDictionary<string, string>.Empty : file.FixedTexts(root, MessageKeys.All, "message").ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static CommandWords LoadCommands(string directory, List<string> problems)
    {
        var words = new Dictionary<Command, IReadOnlyList<string>>();
        var root = YamlFile.Open(directory, CommandsFile, problems, out var file);
        if (root is null)
        {
            return new CommandWords(words);
        }

        foreach (var (keyNode, value) in root.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value!;
            var command = Enum.GetValues<Command>().FirstOrDefault(c => CommandWords.NameOf(c) == key, (Command)(-1));
            if (!Enum.IsDefined(command))
            {
                file.Problem(keyNode, $"unknown command '{key}'");
                continue;
            }

            var list = file.Strings(root, key).Where(w => w.Trim().Length > 0).Select(w => w.Trim()).ToArray();
            if (list.Length == 0)
            {
                file.Problem(value, $"command '{key}' needs at least one word");
            }

            words[command] = list;
        }

        foreach (var missing in Enum.GetValues<Command>().Where(c => !words.ContainsKey(c)))
        {
            file.Problem(root, $"command '{CommandWords.NameOf(missing)}' is missing");
        }

        var duplicates = words.SelectMany(w => w.Value).GroupBy(w => w, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1);
        foreach (var duplicate in duplicates)
        {
            file.Problem(root, $"the word '{duplicate.Key}' triggers more than one command");
        }

        return new CommandWords(words);
    }

    private static (string Id, int Version, IReadOnlyList<Section> Sections) LoadBank(string directory, string name, List<string> problems)
    {
        var root = YamlFile.Open(directory, name, problems, out var file);
        if (root is null)
        {
            return ("", 0, []);
        }

        file.OnlyKeys(root, "id", "version", "sections");
        var id = file.Text(root, "id", required: true) ?? "";
        var version = file.Number(root, "version") ?? 0;
        if (version < 1)
        {
            file.Problem(root, "'version' is required: a whole number from 1, raised when the steps change (see README.md, Versions)");
        }

        var sections = new List<Section>();
        foreach (var map in file.Mappings(root, "sections", required: true))
        {
            file.OnlyKeys(map, "id", "title", "aliases", "aspect", "steps");
            var sectionId = file.Text(map, "id", required: true) ?? "";
            var steps = file.Mappings(map, "steps", required: true).Select(s => StepReader.Read(file, s, sectionId)).ToArray();
            sections.Add(new Section(sectionId, file.Text(map, "title", required: true) ?? "", file.Strings(map, "aliases"), file.Text(map, "aspect"), steps));
        }

        return (id, version, sections);
    }
}
