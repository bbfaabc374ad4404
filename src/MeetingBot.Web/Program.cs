using MeetingBot.Channels.BotFramework.Teams;
using MeetingBot.Web;
using MeetingBot.Web.SignIn;

switch (args)
{
    // `teams-package <zip>` builds the Teams app package from the same configuration instead of running.
    case ["teams-package", var zipPath, .. var settings]:
        TeamsAppPackage.Write(MeetingBotHost.Configuration(settings), Path.Combine(AppContext.BaseDirectory, "templates"), zipPath);
        Console.WriteLine($"Teams app package written to {Path.GetFullPath(zipPath)}");
        return;

    // `meetings import <file>` stores a meeting and its roster from a meeting file (YAML or .xlsx).
    case ["meetings", "import", var meetingFile, .. var settings]:
        Environment.ExitCode = await MeetingImportCommand.RunAsync(meetingFile, settings, Console.Out, Console.Error, CancellationToken.None);
        return;

    // `revoke-sessions <issuer> <subject>` signs a Web Chat user out on every instance.
    case ["revoke-sessions", var issuer, var subject, .. var settings]:
        var closed = await SessionRevocation.RunAsync(issuer, subject, settings, CancellationToken.None);
        Console.WriteLine($"Closed {closed} Web Chat sessions of that user; their Direct Line tokens are refused from now on.");
        return;
}

// `check <file>` prints the material checker's findings as JSON lines, with no configuration.
if (args is ["check", .. var checkArgs])
{
    Environment.ExitCode = MeetingBot.Materials.Checking.CheckCommand.RunOnConsole(checkArgs);
    return;
}

var app = MeetingBotHost.Build(args);
await app.RunAsync();
