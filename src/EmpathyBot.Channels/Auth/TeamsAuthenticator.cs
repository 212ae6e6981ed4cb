using EmpathyBot.Channels.Teams;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EmpathyBot.Channels.Auth;

/// <summary>
/// Validates the bearer token on an inbound Activity the way botbuilder-dotnet's JwtTokenValidation,
/// ChannelValidation and EmulatorValidation do.
/// </summary>
public sealed class TeamsAuthenticator
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    // Tenants the Bot Framework Emulator's tokens come from (public constants of the Bot Framework).
    private static readonly string[] EmulatorTenants = ["d6d49420-f39b-4df7-a1dc-d59a935871db", "f8cdef31-a31e-4b4a-93e4-5f571e91255a"];
    private static readonly string[] AllowedAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly BotOptions options;
    private readonly JsonWebTokenHandler handler = new();
    private readonly HashSet<string> emulatorIssuers;

    public TeamsAuthenticator(IOptions<BotOptions> options, HttpClient http, TimeProvider time, ILogger<TeamsAuthenticator> logger)
    {
        this.options = options.Value;
        ChannelKeys = new OpenIdSigningKeys(http, this.options.OpenIdMetadataUrl, time, logger);
        EmulatorKeys = new OpenIdSigningKeys(http, this.options.EmulatorOpenIdMetadataUrl, time, logger);
        var tenants = EmulatorTenants.AsEnumerable();
        if (!string.IsNullOrWhiteSpace(this.options.MicrosoftAppTenantId)) tenants = tenants.Append(this.options.MicrosoftAppTenantId!);
        emulatorIssuers = tenants
            .SelectMany(t => new[] { $"https://sts.windows.net/{t}/", $"https://login.microsoftonline.com/{t}/v2.0" })
            .ToHashSet(StringComparer.Ordinal);
    }

    public OpenIdSigningKeys ChannelKeys { get; }

    public OpenIdSigningKeys EmulatorKeys { get; }

    public bool Enabled => options.AuthEnabled;

    /// <summary>Both steps at once, for a caller that already holds the activity's channel and service URL.</summary>
    public async Task<AuthOutcome> AuthenticateAsync(string? authorizationHeader, string? channelId, string? serviceUrl, CancellationToken ct)
    {
        var outcome = await AuthenticateAsync(authorizationHeader, ct);
        return outcome.Scope?.Refuses(channelId, serviceUrl) is { } refusal ? AuthOutcome.Fail(refusal) : outcome;
    }

    /// <summary>
    /// The token alone, from the Authorization header: it runs before the body is read, so an unauthenticated caller
    /// cannot make the bot read or parse a large body. What the activity may then claim is in <see cref="AuthOutcome.Scope"/>.
    /// </summary>
    public async Task<AuthOutcome> AuthenticateAsync(string? authorizationHeader, CancellationToken ct)
    {
        if (!options.AuthEnabled) return AuthOutcome.Anonymous;
        if (string.IsNullOrWhiteSpace(authorizationHeader)) return AuthOutcome.Fail("missing Authorization header");

        var parts = authorizationHeader.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || parts[0] != "Bearer") return AuthOutcome.Fail("Authorization scheme must be Bearer");

        JsonWebToken token;
        try
        {
            token = handler.ReadJsonWebToken(parts[1]);
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenException)
        {
            return AuthOutcome.Fail("malformed token");
        }

        if (!AllowedAlgorithms.Contains(token.Alg, StringComparer.Ordinal)) return AuthOutcome.Fail($"token algorithm '{token.Alg}' is not allowed");

        var emulator = emulatorIssuers.Contains(token.Issuer);
        var keys = emulator ? EmulatorKeys : ChannelKeys;
        if (string.IsNullOrEmpty(token.Kid)) return AuthOutcome.Fail("token has no key id");
        EndorsedKey? key;
        try
        {
            key = await keys.FindAsync(token.Kid, ct);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or System.Text.Json.JsonException or TaskCanceledException)
        {
            return AuthOutcome.Fail($"signing keys unavailable from {keys.MetadataUrl}: {e.Message}");
        }

        if (key is null) return AuthOutcome.Fail($"unknown signing key '{token.Kid}'");

        var parameters = new TokenValidationParameters
        {
            ValidIssuers = emulator ? emulatorIssuers : [BotFrameworkIssuer],
            ValidateAudience = !emulator,
            ValidAudience = options.MicrosoftAppId,
            IssuerSigningKey = key.Key,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromMinutes(5),
            ValidAlgorithms = AllowedAlgorithms,
        };
        var result = await handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid) return AuthOutcome.Fail($"invalid token: {result.Exception?.GetType().Name ?? "rejected"}");

        // A key serves only the channels it is endorsed for; emulator (AAD) keys carry none and skip this.
        var endorsements = !emulator || key.Endorsements.Count > 0 ? key.Endorsements : null;
        if (emulator)
        {
            var version = token.TryGetClaim("ver", out var ver) ? ver.Value : null;
            var appClaim = version == "2.0" ? "azp" : "appid";
            var appId = token.TryGetClaim(appClaim, out var app) ? app.Value : null;
            if (!string.Equals(appId, options.MicrosoftAppId, StringComparison.Ordinal))
                return AuthOutcome.Fail($"emulator token is for another app ('{appClaim}' = '{appId}')");
        }
        else
        {
            var claimed = token.TryGetClaim("serviceurl", out var su) ? su.Value : null;
            if (string.IsNullOrEmpty(claimed)) return AuthOutcome.Fail("token has no serviceurl claim");
            return AuthOutcome.Ok(result.ClaimsIdentity, new TokenScope(endorsements, claimed));
        }

        return AuthOutcome.Ok(result.ClaimsIdentity, new TokenScope(endorsements, null));
    }
}
