using Microsoft.Extensions.Options;

namespace MeetingBot.Web.Page;

/// <summary>The "WebChat" configuration section: how the page may be shown.</summary>
public sealed class WebChatPageOptions
{
    public const string Section = "WebChat";

    /// <summary>
    /// Who may show the bot's pages in a frame: the CSP frame-ancestors sources, separated by spaces,
    /// e.g. "'self' https://portal.example.cn" for an intranet portal that embeds the chat.
    /// </summary>
    public string FrameAncestors { get; set; } = "'self'";
}

// Messages name the full configuration key because that is what an operator has to fix.
internal sealed class WebChatPageOptionsValidator : IValidateOptions<WebChatPageOptions>
{
    public ValidateOptionsResult Validate(string? name, WebChatPageOptions options) =>
        string.IsNullOrWhiteSpace(options.FrameAncestors) || options.FrameAncestors.IndexOfAny([';', ',', '\r', '\n']) >= 0
            ? ValidateOptionsResult.Fail("WebChat:FrameAncestors must be CSP frame-ancestors sources separated by spaces, e.g. 'self' https://portal.example.cn ('none' forbids every frame).")
            : ValidateOptionsResult.Success;
}
