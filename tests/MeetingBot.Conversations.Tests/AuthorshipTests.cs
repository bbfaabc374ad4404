using MeetingBot.Dialogs.Bank;
using MeetingBot.Materials.Outline;
using MeetingBot.TestKit.Conversations;
using Xunit;
using Xunit.Abstractions;

namespace MeetingBot.Conversations.Tests;

/// <summary>
/// The cadre is the author (docs/domain.md, "Who writes what"): the draft's sentences about them
/// are theirs, stock wording only frames, and two people who answer differently never share a paragraph.
/// </summary>
public sealed class AuthorshipTests(ITestOutputHelper output)
{
    private static readonly string[] Full = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Golden", "full.answers.txt")).Where(l => l.Length > 0).ToArray();

    [Fact]
    public async Task Most_of_the_problems_section_is_the_cadres_own_words()
    {
        using var bot = new ConversationDriver();
        await bot.SendAllAsync(Full);
        var section = Section(await bot.DraftAsync(), "一、存在的主要问题", "二、原因分析");
        var typed = Full.Where(answer => answer.Length >= 8).ToArray();

        var own = typed.Where(answer => section.Contains(answer, StringComparison.Ordinal)).Sum(answer => answer.Length);
        var total = section.Count(c => !char.IsWhiteSpace(c));
        var share = (double)own / total;

        output.WriteLine($"own characters {own} of {total}: {share:P0}");
        Assert.True(share >= 0.6, $"only {share:P0} of 一、存在的主要问题 is the cadre's own text");
    }

    [Fact]
    public async Task A_suggested_sentence_appears_only_for_a_problem_whose_cadre_kept_it()
    {
        using var bot = new ConversationDriver();
        await bot.SendAllAsync(Full);
        var draft = await bot.DraftAsync();
        var state = await bot.StateAsync();
        var bank = bot.Engine.Catalog.Default;

        foreach (var step in bank.Steps.Where(s => s.Role == "problems"))
        {
            var statements = bank.Steps.Single(s => s.Role == "statements" && s.ForEach == step.Id);
            foreach (var option in step.Options.Where(o => o.Statement is not null))
            {
                var kept = state.Answers.TryGetValue(Dialogs.Engine.QuestionInstance.ItemKey(statements.Id, option.Id), out var answer) && answer.Text == option.Statement;
                Assert.True(kept == draft.Contains(option.Statement!, StringComparison.Ordinal), $"“{option.Statement}” is in the draft although the cadre did not keep it, or missing although they did");
            }
        }
    }

    [Fact]
    public async Task Two_cadres_who_tick_the_same_options_but_answer_in_their_own_words_share_no_paragraph()
    {
        using var first = new ConversationDriver(conversationId: "first");
        using var second = new ConversationDriver(conversationId: "second");
        await first.SendAllAsync(Full);
        await second.SendAllAsync(Full.Select(answer => answer.Length >= 8 ? "另一位同志的说法：" + answer[4..] + "，情况有所不同" : answer));

        var closing = first.Engine.Catalog.Default.Message(MessageKeys.ProblemsPart);
        var shared = Paragraphs(await first.RenderDraftAsync()).Intersect(Paragraphs(await second.RenderDraftAsync()))
            .Where(p => !p.StartsWith("以上对照检查", StringComparison.Ordinal))
            .ToArray();

        Assert.NotNull(closing);
        Assert.Empty(shared);
    }

    private static IEnumerable<string> Paragraphs(Materials.Drafts.RenderedDraft draft) =>
        draft.Outline.Blocks.Where(b => b.Kind == BlockKind.Paragraph).Select(b => b.Text);

    private static string Section(string draft, string from, string to)
    {
        var start = draft.IndexOf(from, StringComparison.Ordinal) + from.Length;
        return draft[start..draft.IndexOf(to, StringComparison.Ordinal)];
    }
}
