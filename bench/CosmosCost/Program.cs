using CosmosCost;
using MeetingBot.TestKit;
using MeetingBot.TestKit.Cosmos;

// bench/CosmosCost: what the Cosmos DB store costs per turn and per completed self-check, from the
// store's own accounting (the request charge histogram), against cosmosdb-server (see bench/README.md).
//   CosmosCost --out cosmos.md
var output = args is ["--out", var path] ? path : "cosmos.md";

var dialogs = new[]
{
    new CostedDialog(
        "complete self-check (dialogs/self-check.yaml, the golden answers, then 提交)",
        [],
        [.. File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "tests", "MeetingBot.Conversations.Tests", "Golden", "full.answers.txt")).Where(l => l.Length > 0), "提交"]),
    new CostedDialog(
        "comparison dialog (bench/bench.yaml: open, 20 answers, 提交)",
        [$"--Content:SelfCheckFile={Path.Combine(RepositoryPaths.Root, "bench", "bench.yaml")}"],
        ["开始自查", .. Enumerable.Range(1, 20).Select(i => $"第{i}题的回答：2025年3月以来，我在分管领域推进了{i + 2}项具体工作，已经列出清单逐项整改。"), "提交"]),
};

var cosmos = new CosmosDbServer();
await cosmos.InitializeAsync();
try
{
    var measured = new List<DialogCost>();
    foreach (var dialog in dialogs)
    {
        measured.Add(await dialog.MeasureAsync(cosmos));
    }

    await File.WriteAllTextAsync(output, DialogCost.Markdown(measured));
    Console.Write(await File.ReadAllTextAsync(output));
}
finally
{
    await cosmos.DisposeAsync();
}
