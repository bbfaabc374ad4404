namespace MeetingBot.TestKit;

/// <summary>A folder of its own for one test, deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "meetingbot-tests", Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Replaces the first occurrence of a text in a file of the folder (a copied content file); returns its 1-based line.</summary>
    public int Replace(string file, string text, string replacement)
    {
        var path = File(file);
        var content = System.IO.File.ReadAllText(path);
        var index = content.IndexOf(text, StringComparison.Ordinal);
        Xunit.Assert.True(index >= 0, $"'{text}' not found in {file}");
        System.IO.File.WriteAllText(path, string.Concat(content.AsSpan(0, index), replacement, content.AsSpan(index + text.Length)));
        return content[..index].Count(c => c == '\n') + 1;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }
}
