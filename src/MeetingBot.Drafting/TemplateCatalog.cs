using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;
using Scriban;
using Scriban.Functions;
using Scriban.Runtime;
using Scriban.Syntax;

namespace MeetingBot.Drafting;

/// <summary>
/// The Scriban templates of templates/, parsed once at start-up, and the renderer for them and for
/// the short prompts of dialogs/. Rendering runs under Scriban's safe limits: no include, only
/// public properties visible, bounded loops, recursion and output. Values put into a template are
/// data: text such as "{{ x }}" inside an answer is written out as it is, never evaluated.
/// Templates read their models strictly: a field the model does not have is an error, and every
/// template is rendered with sample models at load, so a misspelt field stops the start-up.
/// </summary>
public sealed class TemplateCatalog
{
    public const string Extension = ".scriban";

    private static readonly ConcurrentDictionary<Type, KeyValuePair<string, PropertyInfo>[]> ModelProperties = new();

    // A context's built-in functions (string.*, array.*, date.*…) are a fresh copy of Scriban's
    // defaults per context unless given, and that copy is most of the cost of a short render. Each
    // thread keeps one: renders are synchronous, so no two share it, and our templates never
    // assign to a built-in.
    [ThreadStatic]
    private static BuiltinFunctions? t_builtins;

    private readonly FrozenDictionary<string, Template> _templates;
    private readonly ConcurrentDictionary<string, Template> _snippets = new(StringComparer.Ordinal);

    private TemplateCatalog(FrozenDictionary<string, Template> templates) => _templates = templates;

    public IEnumerable<string> Names => _templates.Keys;

    /// <summary>
    /// Parses every template of the folder and renders each required one with its sample models; a
    /// syntax error, a missing required template or a field its models lack stops the load.
    /// </summary>
    public static TemplateCatalog Load(string directory, IEnumerable<TemplateSpec> required)
    {
        var problems = new List<string>();
        var templates = new Dictionary<string, Template>(StringComparer.Ordinal);
        var files = Directory.Exists(directory) ? Directory.GetFiles(directory, "*" + Extension) : [];
        foreach (var path in files.Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var template = Template.Parse(File.ReadAllText(path), Path.GetFileName(path));
            if (template.HasErrors)
            {
                problems.AddRange(template.Messages.Select(m => $"{Path.GetFileName(path)}:{m.Span.Start.Line + 1}: {m.Message}"));
            }

            templates[name] = template;
        }

        if (problems.Count > 0)
        {
            throw new TemplateException(problems);
        }

        var catalog = new TemplateCatalog(templates.ToFrozenDictionary());
        foreach (var spec in required)
        {
            if (!templates.ContainsKey(spec.Name))
            {
                problems.Add($"{spec.Name}{Extension}: the template is missing from {directory}");
                continue;
            }

            problems.AddRange(spec.Samples.Select(catalog.TryRender(spec.Name)).OfType<string>().Distinct());
        }

        return problems.Count > 0 ? throw new TemplateException(problems) : catalog;
    }

    /// <summary>Renders a sample; returns the problem (file, line, message) or null.</summary>
    private Func<object, string?> TryRender(string name) => sample =>
    {
        try
        {
            Render(name, sample);
            return null;
        }
        catch (ScriptRuntimeException e)
        {
            return $"{name}{Extension}:{e.Span.Start.Line + 1}: {e.OriginalMessage} (rendering a sample {sample.GetType().Name})";
        }
    };

    /// <summary>Renders a named template with the model's public properties as snake_case variables.</summary>
    public string Render(string name, object model)
    {
        var globals = new ScriptObject();
        foreach (var (variable, property) in ModelProperties.GetOrAdd(model.GetType(), PropertiesOf))
        {
            globals[variable] = property.GetValue(model);
        }

        return Run(_templates[name], globals, strict: true);
    }

    /// <summary>Renders a short text from dialogs/ (a prompt or message) with the given values.</summary>
    public string RenderSnippet(string text, IReadOnlyDictionary<string, object?> values)
    {
        if (!text.Contains("{{", StringComparison.Ordinal))
        {
            return text;
        }

        var template = _snippets.GetOrAdd(text, Parse);
        var globals = new ScriptObject();
        foreach (var (key, value) in values)
        {
            globals[key] = value;
        }

        return Run(template, globals, strict: false);
    }

    /// <summary>Checks that a text from dialogs/ parses; returns the parser's messages, empty when fine.</summary>
    public static IReadOnlyList<string> CheckSnippet(string text)
    {
        var template = Template.Parse(text);
        return template.HasErrors ? template.Messages.Select(m => m.Message).ToArray() : [];
    }

    // What ScriptObject.Import would find by reflection on every call, found once per model type.
    private static KeyValuePair<string, PropertyInfo>[] PropertiesOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => KeyValuePair.Create(StandardMemberRenamer.Default(p), p))
            .ToArray();

    private static Template Parse(string text)
    {
        var template = Template.Parse(text);
        return template.HasErrors ? throw new TemplateException(template.Messages.Select(m => m.Message).ToArray()) : template;
    }

    // Snippets of dialogs/ read facts a conversation may not have ({{ context.post }}), which render empty.
    private static string Run(Template template, ScriptObject globals, bool strict)
    {
        var context = new TemplateContext(t_builtins ??= new BuiltinFunctions())
        {
            StrictVariables = true,
            LoopLimit = 2000,
            RecursiveLimit = 20,
            ObjectRecursionLimit = 10,
            LimitToString = 200_000,
            RegexTimeOut = TimeSpan.FromMilliseconds(200),
            MemberRenamer = StandardMemberRenamer.Default,
            MemberFilter = member => member is PropertyInfo,
            EnableRelaxedMemberAccess = !strict,
            TemplateLoader = null,
        };
        context.PushGlobal(globals);
        return template.Render(context);
    }
}

/// <summary>A template the code renders, and models to check it with at load (covering its branches).</summary>
public sealed record TemplateSpec(string Name, IReadOnlyList<object> Samples);

/// <summary>A template could not be parsed or is missing.</summary>
public sealed class TemplateException(IReadOnlyList<string> problems)
    : Exception("The templates have problems:" + Environment.NewLine + string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
