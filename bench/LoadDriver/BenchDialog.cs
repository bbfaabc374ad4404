using YamlDotNet.RepresentationModel;

namespace LoadDriver;

/// <summary>One turn of a simulated user: what it sends and what every reply text together must contain.</summary>
public sealed record Exchange(string Text, IReadOnlyList<string> Expected);

/// <summary>
/// The comparison dialog as the driver sees it: the prompts of bench/bench.yaml, which both bots
/// ask, and the words both bots use to open it, submit it and confirm the submission.
/// </summary>
public sealed class BenchDialog
{
    /// <summary>Opens the conversation. Ours reads it as its resume command, which asks the first question; the peer starts its waterfall on any message.</summary>
    public const string StartText = "开始自查";

    public const string SubmitText = "提交";

    /// <summary>Both bots confirm a submission with these words (ours in templates/submitted.scriban).</summary>
    public const string SubmittedMarker = "已提交";

    private BenchDialog(IReadOnlyList<string> questions, string summaryPrompt)
    {
        Questions = questions;
        SummaryPrompt = summaryPrompt;
    }

    public IReadOnlyList<string> Questions { get; }

    public string SummaryPrompt { get; }

    public static BenchDialog Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            stream.Load(reader);
        }

        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var steps = ((YamlSequenceNode)root["sections"]).Children.Cast<YamlMappingNode>()
            .SelectMany(section => ((YamlSequenceNode)section["steps"]).Children.Cast<YamlMappingNode>())
            .Select(step => (Kind: Scalar(step, "kind"), Prompt: Scalar(step, "prompt")))
            .ToArray();
        var questions = steps.Where(s => s.Kind == "text").Select(s => s.Prompt).ToArray();
        var summary = steps.Single(s => s.Kind == "review").Prompt;
        return questions.Length == 0 ? throw new InvalidDataException($"{path} has no text questions.") : new BenchDialog(questions, summary);
    }

    /// <summary>
    /// A complete conversation: open, answer every question (each reply must ask the next one, the
    /// last answer must bring the summary prompt), submit (the reply must confirm it). Our review is
    /// compact (the draft's outline and its gaps, the text on 查看草稿), so neither bot is asked to
    /// repeat an answer there.
    /// </summary>
    public IReadOnlyList<Exchange> Script(int user, int conversation)
    {
        var answers = Questions.Select((_, i) => Answer(user, conversation, i)).ToArray();
        var script = new List<Exchange> { new(StartText, [Questions[0]]) };
        for (var i = 0; i < Questions.Count; i++)
        {
            script.Add(new Exchange(answers[i], i + 1 < Questions.Count ? [Questions[i + 1]] : [SummaryPrompt]));
        }

        script.Add(new Exchange(SubmitText, [SubmittedMarker]));
        return script;
    }

    // About 50 characters, like a short answer typed on a phone; distinct per user, conversation and question.
    private static string Answer(int user, int conversation, int question) =>
        $"关于第{question + 1}题：{1 + (conversation % 12)}月{1 + (user % 28)}日，我在第{conversation + 1}次基层调研中发现分管领域有{question + 2}项工作推进不够有力，已经列出清单逐项整改（用户{user}）。";

    private static string Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { } value } ? value : "";
}
