using System.Text.RegularExpressions;

namespace MeetingBot.Meetings.Import;

/// <summary>Several items in one text, as a roster's cell holds accounts: separated by spaces, commas, semicolons or 、.</summary>
internal static partial class AccountList
{
    public static IEnumerable<string> Split(string text) => Separators().Split(text).Where(a => a.Length > 0);

    [GeneratedRegex(@"[\s,，、;；]+", RegexOptions.CultureInvariant)]
    private static partial Regex Separators();
}
