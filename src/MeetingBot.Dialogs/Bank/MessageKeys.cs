namespace MeetingBot.Dialogs.Bank;

/// <summary>The keys messages.yaml must define, no more and no fewer.</summary>
public static class MessageKeys
{
    public const string ChoiceHint = "choice_hint";
    public const string MultiHint = "multi_hint";
    public const string MultiSuggestedHint = "multi_suggested_hint";
    public const string NumberHint = "number_hint";
    public const string DateHint = "date_hint";
    public const string TextHint = "text_hint";
    public const string NotUnderstood = "not_understood";
    public const string TooLong = "too_long";
    public const string TooFew = "too_few";
    public const string Skipped = "skipped";
    public const string SkipKept = "skip_kept";
    public const string Kept = "kept";
    public const string NothingToKeep = "nothing_to_keep";
    public const string SubmitIncomplete = "submit_incomplete";
    public const string ProblemsPart = "problems_part";
    public const string CannotSkip = "cannot_skip";
    public const string BackAtStart = "back_at_start";
    public const string EditUnknown = "edit_unknown";
    public const string EditStarted = "edit_started";
    public const string RestartConfirm = "restart_confirm";
    public const string RestartDone = "restart_done";
    public const string RestartCancelled = "restart_cancelled";
    public const string ConfirmExpected = "confirm_expected";
    public const string SubmitNotReady = "submit_not_ready";
    public const string AcceptedGap = "accepted_gap";
    public const string WelcomeBack = "welcome_back";
    public const string NoSuggestions = "no_suggestions";
    public const string CurrentAnswer = "current_answer";
    public const string AlreadySubmitted = "already_submitted";
    public const string UnsupportedInput = "unsupported_input";
    public const string NoneNotAllowed = "none_not_allowed";
    public const string StaleCard = "stale_card";
    public const string CardSubmit = "card_submit";
    public const string CardAnswered = "card_answered";
    public const string PersonalOnly = "personal_only";
    public const string StoreUnavailable = "store_unavailable";
    public const string TurnTimedOut = "turn_timed_out";
    public const string DraftDownload = "draft_download";
    public const string DraftFileName = "draft_file_name";
    public const string DownloadButton = "download_button";
    public const string ReminderUnfinished = "reminder_unfinished";

    // A meeting's commands and notices.
    public const string MeetingSecretaryOnly = "meeting_secretary_only";
    public const string MeetingAdminOnly = "meeting_admin_only";
    public const string MeetingNone = "meeting_none";
    public const string MeetingJoinHow = "meeting_join_how";
    public const string MeetingJoinUnknown = "meeting_join_unknown";
    public const string MeetingJoined = "meeting_joined";
    public const string MeetingChosen = "meeting_chosen";
    public const string MeetingCreateCancelled = "meeting_create_cancelled";
    public const string MeetingCreated = "meeting_created";
    public const string MeetingInvitation = "meeting_invitation";
    public const string MemberSubmitted = "member_submitted";
    public const string MemberReturned = "member_returned";
    public const string ReturnHow = "return_how";
    public const string PersonUnknown = "person_unknown";
    public const string ReturnNotSubmitted = "return_not_submitted";
    public const string ReturnDone = "return_done";
    public const string WithdrawNothing = "withdraw_nothing";
    public const string WithdrawClosed = "withdraw_closed";
    public const string WithdrawDone = "withdraw_done";
    public const string AddSecretaryHow = "add_secretary_how";
    public const string SecretaryAdded = "secretary_added";
    public const string NothingSubmitted = "nothing_submitted";
    public const string TeamDraftFileName = "team_draft_file_name";
    public const string RectificationFileName = "rectification_file_name";
    public const string RectificationColumns = "rectification_columns";
    public const string ExportFileName = "export_file_name";
    public const string MeetingFileAttached = "meeting_file_attached";
    public const string SimilarityWarning = "similarity_warning";
    public const string ViewHow = "view_how";
    public const string ViewNotSubmitted = "view_not_submitted";
    public const string CriticismNoteHow = "criticism_note_how";
    public const string CriticismNoted = "criticism_noted";
    public const string ReminderDeadline = "reminder_deadline";
    public const string ReminderManual = "reminder_manual";
    public const string ReminderPromptCard = "reminder_prompt_card";
    public const string ReminderSummary = "reminder_summary";
    public const string RemindStarted = "remind_started";
    public const string RemindDeferred = "remind_deferred";
    public const string RemindNobody = "remind_nobody";
    public const string RemindersPaused = "reminders_paused";
    public const string RemindersResumed = "reminders_resumed";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        ChoiceHint, MultiHint, MultiSuggestedHint, NumberHint, DateHint, TextHint, SkipKept, Kept, NothingToKeep, SubmitIncomplete, ProblemsPart, NotUnderstood, TooLong, TooFew, Skipped, CannotSkip,
        BackAtStart, EditUnknown, EditStarted, RestartConfirm, RestartDone, RestartCancelled, ConfirmExpected,
        SubmitNotReady, AcceptedGap, WelcomeBack, NoSuggestions, CurrentAnswer, AlreadySubmitted,
        UnsupportedInput, NoneNotAllowed, StaleCard, CardSubmit, CardAnswered, PersonalOnly, StoreUnavailable,
        TurnTimedOut, DraftDownload, DraftFileName, DownloadButton, ReminderUnfinished,
        MeetingSecretaryOnly, MeetingAdminOnly, MeetingNone, MeetingJoinHow, MeetingJoinUnknown, MeetingJoined, MeetingChosen, MeetingCreateCancelled, MeetingCreated, MeetingInvitation, MemberSubmitted, MemberReturned, ReturnHow, PersonUnknown, ReturnNotSubmitted, ReturnDone, WithdrawNothing, WithdrawClosed, WithdrawDone, AddSecretaryHow, SecretaryAdded, NothingSubmitted,
        TeamDraftFileName, RectificationFileName, RectificationColumns, ExportFileName, MeetingFileAttached, SimilarityWarning, ViewHow, ViewNotSubmitted, CriticismNoteHow, CriticismNoted,
        ReminderDeadline, ReminderManual, ReminderPromptCard, ReminderSummary, RemindStarted, RemindDeferred, RemindNobody, RemindersPaused, RemindersResumed,
    };
}
