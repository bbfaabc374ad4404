using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace MeetingBot.Materials.OpenXml.Tests;

public sealed class WordLayoutOptionsTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(Validate(new WordLayoutOptions()).Succeeded);
    }

    public static TheoryData<string, string, string> Mistakes => new()
    {
        { "PageWidth", "0", "Word:PageWidth must be positive." },
        { "MarginTop", "-1", "Word:MarginTop must not be negative." },
        { "LinesPerPage", "0", "Word:LinesPerPage must be positive." },
        { "MarginLeft", "190", "Word:MarginLeft and Word:MarginRight together must leave room for text" },
        { "MarginBottom", "270", "Word:MarginTop and Word:MarginBottom together must leave room for text" },
        { "Body:Font", " ", "Word:Body:Font must name a font" },
        { "Heading2:FallbackFont", "一个比Word所能保存的三十一个字符还要长得多的字体名称真的很长", "Word:Heading2:FallbackFont must be at most 31 characters" },
        { "Title:Size", "22.3", "Word:Title:Size must be a positive number of points in halves" },
        { "PageNumber:Size", "-14", "Word:PageNumber:Size must be a positive number" },
        { "ClosingRightIndent", "28", "Word:ClosingRightIndent must be from 0 to fewer than Word:CharactersPerLine" },
        { "LinesPerPage", "40", "Word:Body:Size does not fit a line of the grid" },
        { "PageNumberGap", "40", "Word:PageNumberGap and Word:PageNumber:Size together must fit in Word:MarginBottom." },
    };

    /// <summary>Each mistake is refused with the key to fix.</summary>
    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_mistyped_setting_is_refused_naming_its_key(string key, string value, string message)
    {
        using var services = Services(new() { [$"Word:{key}"] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<WordLayoutOptions>>().Value);

        Assert.Contains(error.Failures, f => f.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_host_does_not_start_with_a_mistyped_setting()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Word:MarginTop"] = "-1" });
        builder.Services.AddWordExport(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Word:MarginTop must not be negative.", error.Failures);
    }

    /// <summary>The keys a unit sets (as environment variables Word__MarginLeft, Word__Body__Font …) reach the document.</summary>
    [Fact]
    public void Settings_bound_from_the_Word_section_reach_the_document()
    {
        using var services = Services(new()
        {
            ["Word:MarginLeft"] = "25",
            ["Word:Body:Font"] = "仿宋",
            ["Word:Body:FallbackFont"] = "",
            ["Word:Heading1:Font"] = "方正黑体_GBK",
        });

        using var docx = Docx.Open(services.GetRequiredService<WordDocumentWriter>().Write(Outlines.SignedMaterial));

        Assert.Equal(1417u, Docx.Get<PageMargin>(docx.Section).Left!.Value);
        Assert.Equal("仿宋", Docx.Get<RunFonts>(docx.Style("Normal")).EastAsia!.Value);
        Assert.Equal("方正黑体_GBK", Docx.Get<RunFonts>(docx.Style("Heading1")).EastAsia!.Value);
        // Keys left alone keep their defaults.
        Assert.Equal(1474u, Docx.Get<PageMargin>(docx.Section).Right!.Value);
        Assert.Equal("32", Docx.Get<FontSize>(docx.Style("Normal")).Val!.Value);
    }

    private static ValidateOptionsResult Validate(WordLayoutOptions options) => new WordLayoutOptionsValidator().Validate(null, options);

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddWordExport(configuration).BuildServiceProvider();
    }
}
