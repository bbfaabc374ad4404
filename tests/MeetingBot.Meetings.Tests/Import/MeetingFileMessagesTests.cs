using MeetingBot.Dialogs.Loading;
using MeetingBot.Meetings.Import;
using MeetingBot.TestKit;
using Xunit;

namespace MeetingBot.Meetings.Tests.Import;

/// <summary>dialogs/meeting-files.yaml is checked at load: its keys are fixed, and so are the placeholders each may use.</summary>
public sealed class MeetingFileMessagesTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public MeetingFileMessagesTests() => File.Copy(Path.Combine(RepositoryPaths.Dialogs, MeetingFileMessages.FileName), _folder.File(MeetingFileMessages.FileName));

    [Fact]
    public void The_shipped_messages_load()
    {
        var messages = MeetingFileMessages.Load(RepositoryPaths.Dialogs);

        Assert.StartsWith("未能识别出反馈问题", messages.NoFindings, StringComparison.Ordinal);
        Assert.Equal("{file} 第{line}行：{problem}", messages.Yaml.At);
    }

    [Fact]
    public void An_unknown_placeholder_a_missing_key_and_an_unknown_key_stop_the_load()
    {
        var line = _folder.Replace(MeetingFileMessages.FileName, "'账号“{account}”", "'账号“{acount}”");
        _folder.Replace(MeetingFileMessages.FileName, "no_secretary:", "no_secretaries:");

        var error = Assert.Throws<ContentLoadException>(() => MeetingFileMessages.Load(_folder.Path));

        Assert.Contains($"meeting-files.yaml:{line}: message 'account_twice': unknown placeholder {{acount}} (known here: {{account}}, {{first}}, {{second}})", error.Problems);
        Assert.Contains(error.Problems, p => p.EndsWith("unknown message key 'no_secretaries'", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.EndsWith("message 'no_secretary' is missing", StringComparison.Ordinal));
    }

    public void Dispose() => _folder.Dispose();
}
