using MeetingBot.Dialogs.Bank;
using MeetingBot.Dialogs.Loading;
using MeetingBot.TestKit;
using Xunit;

namespace MeetingBot.Dialogs.Tests;

/// <summary>Every file of dialogs/ loads; broken copies produce errors naming the file, the line and the problem.</summary>
public sealed class QuestionBankLoaderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public QuestionBankLoaderTests()
    {
        foreach (var file in Directory.GetFiles(RepositoryPaths.Dialogs, "*.yaml"))
        {
            File.Copy(file, _folder.File(Path.GetFileName(file)));
        }
    }

    [Fact]
    public void The_shipped_question_bank_loads_with_four_aspects_and_a_review_at_the_end()
    {
        var bank = QuestionBankLoader.Load(RepositoryPaths.Dialogs).Default;

        Assert.Equal(["learning", "duty", "conduct", "integrity"], bank.Aspects);
        Assert.All(bank.Steps.Where(s => s.Role == "problems"), s => Assert.InRange(s.Options.Count, 5, 8));
        Assert.Equal(StepKind.Review, bank.Steps[^1].Kind);
        Assert.Equal(MessageKeys.All.Order(), bank.Messages.Keys.Order());
    }

    [Fact]
    public void Every_yaml_file_in_dialogs_is_used_by_the_loader()
    {
        // checks.yaml holds the material checker's rules, MeetingBot.Materials loads and tests it;
        // meeting-files.yaml (the messages of a meeting file's import) and prompt-card.yaml (the prompt
        // card's checklists), MeetingBot.Meetings does. Every other file is a question bank.
        var shared = new[] { QuestionBankLoader.CommandsFile, QuestionBankLoader.MessagesFile, QuestionBankLoader.ValidatorsFile, "checks.yaml", "meeting-files.yaml", "prompt-card.yaml" };
        var banks = Directory.GetFiles(RepositoryPaths.Dialogs, "*.yaml").Select(Path.GetFileNameWithoutExtension).Where(f => !shared.Contains(f + ".yaml"));

        Assert.Equal(banks.Order(), QuestionBankLoader.Load(RepositoryPaths.Dialogs).Banks.Select(b => b.Id).Order());
    }

    [Fact]
    public void An_unknown_step_kind_is_reported_with_file_and_line()
    {
        var line = _folder.Replace(QuestionBankLoader.SelfCheckFile, "kind: choice", "kind: dropdown");

        var error = Assert.Throws<ContentLoadException>(() => QuestionBankLoader.Load(_folder.Path));

        Assert.Contains(error.Problems, p => p.StartsWith($"self-check.yaml:{line - 1}:", StringComparison.Ordinal) && p.Contains("unknown kind 'dropdown'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_yaml_syntax_error_is_reported_with_its_line()
    {
        var line = _folder.Replace(QuestionBankLoader.CommandsFile, "help: [", "help: {");

        var error = Assert.Throws<ContentLoadException>(() => QuestionBankLoader.Load(_folder.Path));

        Assert.Contains(error.Problems, p => p.StartsWith($"commands.yaml:{line}:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_message_is_named()
    {
        _folder.Replace(MessagesFile, "too_long:", "too_longer:");

        var error = Assert.Throws<ContentLoadException>(() => QuestionBankLoader.Load(_folder.Path));

        Assert.Contains(error.Problems, p => p.Contains("unknown message key 'too_longer'", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("message 'too_long' is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void An_invalid_validator_pattern_is_named()
    {
        File.AppendAllText(_folder.File(QuestionBankLoader.ValidatorsFile), "\nbroken:\n  description: 坏的\n  any_of:\n    - '(unclosed'\n");

        var error = Assert.Throws<ContentLoadException>(() => QuestionBankLoader.Load(_folder.Path));

        Assert.Contains(error.Problems, p => p.StartsWith("validators.yaml:", StringComparison.Ordinal) && p.Contains("'(unclosed' is not a valid regular expression", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reference_to_a_missing_step_or_cause_is_named()
    {
        _folder.Replace(QuestionBankLoader.SelfCheckFile, "for_each: learning_problems", "for_each: learning_problemz");

        var error = Assert.Throws<ContentLoadException>(() => QuestionBankLoader.Load(_folder.Path));

        Assert.Contains(error.Problems, p => p.Contains("for_each must name an earlier multi step, not 'learning_problemz'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_typo_in_a_key_is_reported()
    {
        _folder.Replace(QuestionBankLoader.SelfCheckFile, "    prompt:", "    promt:");

        var error = Assert.Throws<ContentLoadException>(() => QuestionBankLoader.Load(_folder.Path));

        Assert.Contains(error.Problems, p => p.Contains("unknown key 'promt'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        File.Delete(_folder.File(QuestionBankLoader.CommandsFile));

        var error = Assert.Throws<ContentLoadException>(() => QuestionBankLoader.Load(_folder.Path));

        Assert.Contains(error.Problems, p => p.StartsWith("commands.yaml: the file is missing", StringComparison.Ordinal));
    }

    private const string MessagesFile = QuestionBankLoader.MessagesFile;

    public void Dispose() => _folder.Dispose();
}
