using Xunit;

namespace MeetingBot.TestKit;

/// <summary>
/// An expected output kept as a file of the repository. Set UPDATE_GOLDEN=1 to rewrite the files
/// from what the code now produces (then read the diff before committing it).
/// </summary>
public static class GoldenFile
{
    /// <param name="path">The file's path below the repository's root.</param>
    public static async Task AssertMatchesAsync(string path, string actual)
    {
        var fullPath = Path.Combine(RepositoryPaths.Root, path);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            await File.WriteAllTextAsync(fullPath, actual);
        }

        Assert.Equal(await File.ReadAllTextAsync(fullPath), actual);
    }
}
