using MeetingBot.Dialogs.Bank;

namespace MeetingBot.Dialogs.Engine;

/// <summary>What a turn of the engine asks the conversation to show, in order. Rendering is not the engine's job.</summary>
public abstract record DialogEvent;

/// <summary>A short message from messages.yaml; <see cref="Values"/> fill its placeholders.</summary>
public sealed record MessageEvent(string Key, IReadOnlyDictionary<string, object?> Values) : DialogEvent
{
    public MessageEvent(string key)
        : this(key, new Dictionary<string, object?>())
    {
    }
}

/// <summary>Ask a question. <see cref="Retry"/>: its answer failed the validator once; use the retry prompt.</summary>
public sealed record AskEvent(Question Question) : DialogEvent;

/// <summary>First contact: introduce the bot before the first question.</summary>
public sealed record WelcomeEvent : DialogEvent;

public sealed record HelpEvent : DialogEvent;

public sealed record ProgressEvent(Progress Progress) : DialogEvent;

/// <summary>Show the draft as it stands (查看草稿).</summary>
public sealed record DraftEvent : DialogEvent;

/// <summary>Give the draft as it stands as a file: plain text (下载草稿) or Word (下载Word).</summary>
public sealed record DownloadEvent(DraftFormat Format) : DialogEvent;

public enum DraftFormat
{
    Text,
    Word,
}

/// <summary>The review step: show the draft, its gaps and how to submit or edit.</summary>
public sealed record ReviewEvent(string Prompt) : DialogEvent;

/// <summary>The cadre submitted the draft.</summary>
public sealed record SubmittedEvent : DialogEvent;

/// <summary>提交 was refused: what in the material must be corrected first.</summary>
public sealed record SubmitRefusedEvent(IReadOnlyList<SubmitBlock> Blocks) : DialogEvent;

/// <summary>A question ready to show: prompt, numbered options, how to answer, and the answer it already has.</summary>
public sealed record Question(
    QuestionInstance Instance,
    string Prompt,
    IReadOnlyList<NumberedOption> Options,
    string Hint,
    string? CurrentAnswer,
    bool Retry,
    string SectionTitle,
    int SectionNumber,
    int SectionCount)
{
    /// <summary>A starting sentence the cadre may keep with 采用 (see <see cref="Step.Offer"/>).</summary>
    public string? Offer { get; init; }
}

/// <summary>An option as offered: the number the cadre may type, and whether it is suggested (★).</summary>
public sealed record NumberedOption(int Number, string Id, string Label, bool Suggested);

/// <summary>Progress by part: <see cref="Done"/> of <see cref="Total"/> parts finished, and each part's questions.</summary>
public sealed record Progress(IReadOnlyList<SectionProgress> Sections, int Done, int Total);

public sealed record SectionProgress(string Title, int Answered, int Total, bool Current)
{
    public bool Done => Total > 0 && Answered == Total;
}
