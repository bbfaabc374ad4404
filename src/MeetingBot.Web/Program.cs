using MeetingBot.Channels.BotFramework.Teams;
using MeetingBot.Web;

// `teams-package <zip>` builds the Teams app package from the same configuration instead of running.
if (args is ["teams-package", var zipPath, .. var settings])
{
    var configuration = MeetingBotHost.Configuration(settings);
    TeamsAppPackage.Write(configuration, Path.Combine(AppContext.BaseDirectory, "templates"), zipPath);
    Console.WriteLine($"Teams app package written to {Path.GetFullPath(zipPath)}");
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
