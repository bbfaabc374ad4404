using System.Text.Json;
using System.Text.Json.Serialization;

namespace MeetingBot.Meetings.Storage;

/// <summary>How meeting documents are written: Chinese kept as it is, enums and accounts as their names.</summary>
internal static class MeetingJson
{
    public const string MeetingKind = "meeting";
    public const string MembershipsKind = "memberships";
    public const string InvitationKind = "invitation";
    public const string NameKind = "meeting-name";
    public const string IndexEntryKind = "meeting-entry";

    public static readonly MeetingJsonContext Context = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter<MeetingKind>(), new JsonStringEnumConverter<MeetingRole>(), new ChannelIdentityConverter() },
    });
}

/// <summary>An account as it is written in settings and files: <c>channel:user</c>.</summary>
internal sealed class ChannelIdentityConverter : JsonConverter<ChannelIdentity>
{
    public override ChannelIdentity Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ChannelIdentity.Parse(reader.GetString() ?? "") ?? throw new JsonException("An account must be written channel:user.");

    public override void Write(Utf8JsonWriter writer, ChannelIdentity value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}

[JsonSerializable(typeof(Meeting))]
[JsonSerializable(typeof(AccountMemberships))]
[JsonSerializable(typeof(Invitation))]
[JsonSerializable(typeof(MeetingIndexEntry))]
internal sealed partial class MeetingJsonContext : JsonSerializerContext;
