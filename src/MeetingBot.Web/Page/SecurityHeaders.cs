using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MeetingBot.Web.Page;

/// <summary>
/// The headers every response of the host carries. Scripts run only from the bot itself (the page's
/// own script is a file, Web Chat is served from /lib); styles may be inline because Web Chat writes
/// its styles at run time. Nothing is sniffed, no URL (they carry conversation ids) leaves as a
/// referrer, and frames are allowed only to WebChat:FrameAncestors.
/// </summary>
public static class SecurityHeaders
{
    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebChatPageOptions>().Bind(configuration.GetSection(WebChatPageOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebChatPageOptions>, WebChatPageOptionsValidator>());
        return services;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var policy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self'; media-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors "
            + app.ApplicationServices.GetRequiredService<IOptions<WebChatPageOptions>>().Value.FrameAncestors.Trim();
        return app.Use((context, next) =>
        {
            // Set as the response starts, so that error answers written later carry them too.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
