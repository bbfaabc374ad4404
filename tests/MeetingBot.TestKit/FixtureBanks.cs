using MeetingBot.Dialogs.Bank;
using MeetingBot.Dialogs.Loading;

namespace MeetingBot.TestKit;

/// <summary>
/// The fixture bank of tests (Fixtures/fixture.v1.yaml) and the same bank after an edit
/// (fixture.v2.yaml), with shared files of their own, so engine tests do not change when
/// dialogs/ does.
/// </summary>
public static class FixtureBanks
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static QuestionBankCatalog Version1 => Load(1);

    public static QuestionBankCatalog Version2 => Load(2);

    public static QuestionBankCatalog Load(int version) =>
        QuestionBankLoader.Load(Path.Combine(Folder, "dialogs"), Path.Combine(Folder, $"fixture.v{version}.yaml"));
}
