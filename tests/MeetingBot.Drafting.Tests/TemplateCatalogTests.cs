using MeetingBot.TestKit;
using Xunit;

namespace MeetingBot.Drafting.Tests;

public sealed class TemplateCatalogTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void Every_template_in_the_folder_parses()
    {
        var catalog = TemplateCatalog.Load(RepositoryPaths.Templates, []);

        Assert.Equal(
            Directory.GetFiles(RepositoryPaths.Templates, "*.scriban").Select(Path.GetFileNameWithoutExtension).Order(),
            catalog.Names.Order());
    }

    [Fact]
    public void A_syntax_error_is_reported_with_file_and_line()
    {
        File.WriteAllText(_folder.File("broken.scriban"), "第一行\n第二行 {{ if x }}\n没有结束");

        var error = Assert.Throws<TemplateException>(() => TemplateCatalog.Load(_folder.Path, []));

        Assert.Contains(error.Problems, p => p.StartsWith("broken.scriban:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_required_template_is_named()
    {
        var error = Assert.Throws<TemplateException>(() => TemplateCatalog.Load(_folder.Path, [new TemplateSpec("draft", [])]));

        Assert.Contains(error.Problems, p => p.StartsWith("draft.scriban: the template is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Values_are_data_even_when_they_look_like_templates()
    {
        File.WriteAllText(_folder.File("echo.scriban"), "[{{ text }}]");
        var catalog = TemplateCatalog.Load(_folder.Path, []);

        var output = catalog.Render("echo", new { Text = "{{ 1 + 1 }} **粗体** <i>x</i>" });

        Assert.Equal("[{{ 1 + 1 }} **粗体** <i>x</i>]", output);
    }

    [Fact]
    public void Runaway_templates_are_stopped_by_the_safe_limits()
    {
        File.WriteAllText(_folder.File("loop.scriban"), "{{ for i in 1..100000 }}x{{ end }}");
        var catalog = TemplateCatalog.Load(_folder.Path, []);

        Assert.ThrowsAny<Scriban.Syntax.ScriptRuntimeException>(() => catalog.Render("loop", new { }));
    }

    [Fact]
    public void Only_properties_of_the_model_are_visible_to_templates()
    {
        File.WriteAllText(_folder.File("peek.scriban"), "{{ value.get_type }}");
        var catalog = TemplateCatalog.Load(_folder.Path, []);

        var error = Assert.Throws<Scriban.Syntax.ScriptRuntimeException>(() => catalog.Render("peek", new { Value = new Uri("http://localhost") }));

        Assert.Contains("get_type", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_the_sample_models_lack_stops_the_load_with_file_and_line()
    {
        File.WriteAllText(_folder.File("draft.scriban"), "标题\n{{ if model.ready }}{{ model.titel }}{{ end }}");

        var error = Assert.Throws<TemplateException>(() => TemplateCatalog.Load(_folder.Path, [new TemplateSpec("draft", [new { Model = new { Ready = false, Title = "" } }, new { Model = new { Ready = true, Title = "题" } }])]));

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("draft.scriban:2:", problem, StringComparison.Ordinal);
        Assert.Contains("titel", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Snippets_fill_placeholders_and_leave_plain_text_alone()
    {
        var catalog = TemplateCatalog.Load(_folder.Path, []);

        Assert.Equal("请就“学习”举例", catalog.RenderSnippet("请就“{{ item }}”举例", new Dictionary<string, object?> { ["item"] = "学习" }));
        Assert.Equal("没有占位符", catalog.RenderSnippet("没有占位符", new Dictionary<string, object?>()));
        Assert.NotEmpty(TemplateCatalog.CheckSnippet("{{ if }}"));
    }

    public void Dispose() => _folder.Dispose();
}
