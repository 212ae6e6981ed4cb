using System.Text;
using EmpathyBot.Channels.Slack;

namespace EmpathyBot.Channels.Tests.Slack;

public class SlackSignatureVerifierTests
{
    // Slack's published example (api.slack.com, Verifying requests from Slack).
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Signature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar" +
        "&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN" +
        "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c");

    private static SlackSignatureVerifier VerifierAt(long unixSeconds) => new(FixedTime.AtUnix(unixSeconds));

    [Fact]
    public void Published_test_vector_signs_and_verifies()
    {
        Assert.Equal(Signature, SlackSignatureVerifier.Sign(Secret, Timestamp, Body));
        Assert.Equal(SlackVerification.Valid, VerifierAt(1531420618 + 10).Verify(Secret, Timestamp, Signature, Body));
    }

    [Fact]
    public void Tampered_body_is_rejected()
    {
        var tampered = Body.ToArray();
        tampered[^1] ^= 1;
        Assert.Equal(SlackVerification.BadSignature, VerifierAt(1531420618).Verify(Secret, Timestamp, Signature, tampered));
    }

    [Fact]
    public void Wrong_secret_is_rejected() =>
        Assert.Equal(SlackVerification.BadSignature, VerifierAt(1531420618).Verify("8f742231b10e8888abcd99yyyzzz85a6", Timestamp, Signature, Body));

    [Theory]
    [InlineData(301)]
    [InlineData(-301)]
    [InlineData(86_400)]
    public void Timestamp_more_than_five_minutes_away_is_rejected(long skew) =>
        Assert.Equal(SlackVerification.StaleTimestamp, VerifierAt(1531420618 + skew).Verify(Secret, Timestamp, Signature, Body));

    [Fact]
    public void Timestamp_just_under_five_minutes_old_is_accepted() =>
        Assert.Equal(SlackVerification.Valid, VerifierAt(1531420618 + 300).Verify(Secret, Timestamp, Signature, Body));

    [Theory]
    [InlineData(null, Signature)]
    [InlineData(Timestamp, null)]
    [InlineData("", "")]
    public void Missing_headers_are_rejected(string? timestamp, string? signature) =>
        Assert.Equal(SlackVerification.MissingHeaders, VerifierAt(1531420618).Verify(Secret, timestamp, signature, Body));

    [Theory]
    [InlineData("v0=A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B503")]
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b50")]
    [InlineData("a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    public void Altered_signature_is_rejected(string signature) =>
        Assert.Equal(SlackVerification.BadSignature, VerifierAt(1531420618).Verify(Secret, Timestamp, signature, Body));

    [Fact]
    public void Non_numeric_timestamp_is_rejected() =>
        Assert.Equal(SlackVerification.StaleTimestamp, VerifierAt(1531420618).Verify(Secret, "1531420618.5", Signature, Body));
}
