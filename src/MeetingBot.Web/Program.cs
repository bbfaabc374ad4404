using MeetingBot.Web;

var app = MeetingBotHost.Build(args);
await app.RunAsync();
