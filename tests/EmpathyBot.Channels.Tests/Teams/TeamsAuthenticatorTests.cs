using System.Text.Json;
using EmpathyBot.Channels.Auth;
using EmpathyBot.Channels.Teams;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace EmpathyBot.Channels.Tests.Teams;

public sealed class TeamsAuthenticatorTests : IAsyncLifetime
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    private const string Channel = "msteams";

    private SigningKeyServer server = null!;
    private RsaSecurityKey teamsKey = null!;
    private HttpClient http = null!;

    public async Task InitializeAsync()
    {
        server = await SigningKeyServer.StartAsync();
        teamsKey = server.AddChannelKey("teams-key", "msteams", "webchat");
        http = new HttpClient();
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await server.DisposeAsync();
    }

    private TeamsAuthenticator Create(string? appId = AppId, string? tenant = null) => new(
        Options.Create(new BotOptions
        {
            MicrosoftAppId = appId,
            MicrosoftAppPassword = "secret",
            MicrosoftAppTenantId = tenant,
            OpenIdMetadataUrl = server.ChannelMetadataUrl,
            EmulatorOpenIdMetadataUrl = server.EmulatorMetadataUrl,
        }),
        http, TimeProvider.System, NullLogger<TeamsAuthenticator>.Instance);

    private Task<AuthOutcome> Check(string? header, string? channel = Channel, string? serviceUrl = ServiceUrl) =>
        Create().AuthenticateAsync(header, channel, serviceUrl, CancellationToken.None);

    private string ValidToken() => SigningKeyServer.ChannelToken(teamsKey, AppId, ServiceUrl);

    [Fact]
    public async Task Valid_channel_token_is_accepted_with_its_claims()
    {
        var outcome = await Check("Bearer " + ValidToken());

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(AppId, outcome.Identity!.FindFirst("aud")!.Value);
    }

    [Theory]
    [InlineData(SecurityAlgorithms.RsaSha384)]
    [InlineData(SecurityAlgorithms.RsaSha512)]
    public async Task Rs384_and_rs512_are_accepted(string algorithm)
    {
        var outcome = await Check("Bearer " + SigningKeyServer.ChannelToken(teamsKey, AppId, ServiceUrl, algorithm));
        Assert.True(outcome.Succeeded, outcome.Error);
    }

    [Fact]
    public async Task ServiceUrl_comparison_ignores_case()
    {
        var outcome = await Check("Bearer " + ValidToken(), serviceUrl: ServiceUrl.ToUpperInvariant());
        Assert.True(outcome.Succeeded, outcome.Error);
    }

    [Fact]
    public async Task Token_from_a_key_endorsed_for_another_channel_list_works_for_that_channel()
    {
        var outcome = await Check("Bearer " + ValidToken(), channel: "webchat");
        Assert.True(outcome.Succeeded, outcome.Error);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("2.0")]
    public async Task Emulator_tokens_are_accepted_for_our_app(string version)
    {
        var key = server.AddEmulatorKey("aad-key");
        var outcome = await Check("Bearer " + SigningKeyServer.EmulatorToken(key, AppId, version), channel: "emulator", serviceUrl: "http://localhost:5000");
        Assert.True(outcome.Succeeded, outcome.Error);
    }

    [Fact]
    public async Task Emulator_token_of_the_configured_tenant_is_accepted()
    {
        var key = server.AddEmulatorKey("aad-key");
        var tenant = "0d1f6e1c-7b22-4d7e-9a55-0a2d3b4c5d6e";
        var outcome = await Create(tenant: tenant).AuthenticateAsync(
            "Bearer " + SigningKeyServer.EmulatorToken(key, AppId, "2.0", tenant), "emulator", "http://localhost:5000", CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Error);
    }

    [Fact]
    public async Task Emulator_token_for_another_app_is_rejected()
    {
        var key = server.AddEmulatorKey("aad-key");
        var outcome = await Check("Bearer " + SigningKeyServer.EmulatorToken(key, "another-app", "1.0"), channel: "emulator");
        Assert.False(outcome.Succeeded);
        Assert.Contains("another app", outcome.Error);
    }

    [Fact]
    public async Task No_app_id_turns_auth_off()
    {
        var outcome = await Create(appId: null).AuthenticateAsync(null, Channel, ServiceUrl, CancellationToken.None);
        Assert.True(outcome.Succeeded);
        Assert.Null(outcome.Identity);
    }

    public static TheoryData<string, string> Rejections() => new()
    {
        { "no header", "missing Authorization header" },
        { "wrong scheme", "scheme must be Bearer" },
        { "alg none", "algorithm 'none' is not allowed" },
        { "HS256", "algorithm 'HS256' is not allowed" },
        { "expired", "invalid token: SecurityTokenExpiredException" },
        { "not yet valid", "invalid token: SecurityTokenNotYetValidException" },
        { "wrong issuer", "invalid token: SecurityTokenInvalidIssuerException" },
        { "wrong audience", "invalid token: SecurityTokenInvalidAudienceException" },
        { "unknown key", "unknown signing key 'stranger'" },
        { "not endorsed", "not endorsed for channel 'msteams'" },
        { "serviceUrl mismatch", "serviceurl does not match" },
        { "tampered payload", "invalid token: SecurityTokenInvalidSignatureException" },
        { "another app", "invalid token: SecurityTokenInvalidAudienceException" },
        { "garbage", "malformed token" },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public async Task Bad_tokens_are_rejected_with_a_reason(string kind, string reason)
    {
        var now = DateTime.UtcNow;
        var header = kind switch
        {
            "no header" => null,
            "wrong scheme" => "Basic " + ValidToken(),
            "alg none" => "Bearer " + SigningKeyServer.RawToken(
                new { alg = "none", typ = "JWT", kid = "teams-key" },
                new { iss = "https://api.botframework.com", aud = AppId, serviceurl = ServiceUrl, exp = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds() }),
            "HS256" => "Bearer " + SigningKeyServer.Hs256Token(
                new { iss = "https://api.botframework.com", aud = AppId, serviceurl = ServiceUrl, exp = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds() },
                new byte[32]),
            // Beyond the 5 minute skew on either side.
            "expired" => "Bearer " + SigningKeyServer.ChannelToken(teamsKey, AppId, ServiceUrl, notBefore: now.AddHours(-1), expires: now.AddMinutes(-6)),
            "not yet valid" => "Bearer " + SigningKeyServer.ChannelToken(teamsKey, AppId, ServiceUrl, notBefore: now.AddMinutes(6), expires: now.AddHours(1)),
            "wrong issuer" => "Bearer " + SigningKeyServer.ChannelToken(teamsKey, AppId, ServiceUrl, issuer: "https://evil.example.com"),
            "wrong audience" => "Bearer " + SigningKeyServer.ChannelToken(teamsKey, "https://api.botframework.com", ServiceUrl),
            "unknown key" => "Bearer " + SigningKeyServer.ChannelToken(SigningKeyServer.NewKey("stranger"), AppId, ServiceUrl),
            "not endorsed" => "Bearer " + SigningKeyServer.ChannelToken(server.AddChannelKey("slack-only", "slack"), AppId, ServiceUrl),
            "serviceUrl mismatch" => "Bearer " + SigningKeyServer.ChannelToken(teamsKey, AppId, "https://attacker.example.com/"),
            "tampered payload" => "Bearer " + Tamper(ValidToken()),
            "another app" => "Bearer " + SigningKeyServer.ChannelToken(teamsKey, "99999999-8888-7777-6666-555555555555", ServiceUrl),
            "garbage" => "Bearer not-a-jwt",
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var outcome = await Check(header);

        Assert.False(outcome.Succeeded);
        Assert.Contains(reason, outcome.Error);
    }

    [Fact]
    public async Task Keys_are_cached_between_requests()
    {
        var auth = Create();
        for (var i = 0; i < 3; i++)
            Assert.True((await auth.AuthenticateAsync("Bearer " + ValidToken(), Channel, ServiceUrl, default)).Succeeded);

        Assert.Equal(1, server.JwksRequests);
    }

    [Fact]
    public async Task A_rolled_over_key_is_loaded_by_one_refresh_on_its_unknown_key_id()
    {
        var auth = Create();
        auth.ChannelKeys.MinimumRefreshInterval = TimeSpan.Zero;
        Assert.True((await auth.AuthenticateAsync("Bearer " + ValidToken(), Channel, ServiceUrl, default)).Succeeded);

        var rolled = server.AddChannelKey("rolled", "msteams");
        var outcome = await auth.AuthenticateAsync("Bearer " + SigningKeyServer.ChannelToken(rolled, AppId, ServiceUrl), Channel, ServiceUrl, default);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(2, server.JwksRequests);
        Assert.True((await auth.AuthenticateAsync("Bearer " + SigningKeyServer.ChannelToken(rolled, AppId, ServiceUrl), Channel, ServiceUrl, default)).Succeeded);
        Assert.Equal(2, server.JwksRequests);
    }

    [Fact]
    public async Task Unknown_key_ids_refresh_at_most_once_per_interval()
    {
        var auth = Create();
        Assert.True((await auth.AuthenticateAsync("Bearer " + ValidToken(), Channel, ServiceUrl, default)).Succeeded);
        for (var i = 0; i < 5; i++)
        {
            var forged = SigningKeyServer.ChannelToken(SigningKeyServer.NewKey("forged-" + i), AppId, ServiceUrl);
            Assert.False((await auth.AuthenticateAsync("Bearer " + forged, Channel, ServiceUrl, default)).Succeeded);
        }

        Assert.Equal(1, auth.ChannelKeys.Fetches);
    }

    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlEncoder.Decode(parts[1]))!;
        var changed = payload.ToDictionary(p => p.Key, p => (object)p.Value);
        changed["serviceurl"] = "https://attacker.example.com/";
        return $"{parts[0]}.{Base64UrlEncoder.Encode(JsonSerializer.Serialize(changed))}.{parts[2]}";
    }
}
