using Xunit;

namespace MeetingBot.Storage.Cosmos.Tests;

public sealed class CosmosKeysTests
{
    [Theory]
    [InlineData("state", "state")]
    [InlineData("draft-000001", "draft-000001")]
    [InlineData("conv-0123abcdef", "conv-0123abcdef")]
    [InlineData("a:b", "a~003Ab")]
    [InlineData("会 议", "~4F1A~0020~8BAE")]
    [InlineData("~", "~007E")]
    [InlineData("a/b\\c?d#e", "a~002Fb~005Cc~003Fd~0023e")]
    [InlineData("..", "~002E~002E")]
    [InlineData("", "~")]
    public void Keys_are_escaped_readably_and_reversibly(string value, string expected) =>
        Assert.Equal(expected, CosmosKeys.Encode(value));

    [Fact]
    public void Encoded_keys_use_only_characters_cosmos_and_urls_take_as_they_are()
    {
        string[] values = ["29:1AbC-xyz==", "msteams:19:abc@thread.v2|conv", " spaced ", "\uD83D\uDE00 emoji", "\uD800 lone surrogate", new string('长', 300)];

        foreach (var value in values)
        {
            var encoded = CosmosKeys.Encode(value);
            Assert.InRange(encoded.Length, 1, CosmosKeys.MaxLength);
            Assert.Matches("^[A-Za-z0-9_~-]+$", encoded);
        }
    }

    [Fact]
    public void Values_too_long_to_escape_are_hashed_apart_from_every_escaped_value()
    {
        var longValue = new string('长', 60);
        var longer = longValue + "!";

        var hashed = CosmosKeys.Encode(longValue);

        Assert.StartsWith("~~", hashed, StringComparison.Ordinal);
        Assert.Equal(66, hashed.Length);
        Assert.NotEqual(hashed, CosmosKeys.Encode(longer));
        Assert.Equal(hashed, CosmosKeys.Encode(longValue));
        // 51 escaped characters still fit: 255 characters exactly.
        Assert.Equal(255, CosmosKeys.Encode(new string('长', 51)).Length);
    }

    [Fact]
    public void Different_values_never_share_an_encoding()
    {
        string[] values = ["a:b", "a~003Ab", "~003A", ":", "~", "", "~~", "a b", "a~0020b", "A", "a", "\uD800", "\uDC00", "\uFFFD"];

        Assert.Equal(values.Length, values.Select(CosmosKeys.Encode).Distinct(StringComparer.Ordinal).Count());
    }
}
