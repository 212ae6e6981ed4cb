using System.ComponentModel.DataAnnotations;

namespace EmpathyBot.Channels.Teams;

/// <summary>Section <c>Bot</c>: the Azure Bot registration Teams talks to (the SDK's MicrosoftAppId settings).</summary>
public sealed class BotOptions : IValidatableObject
{
    public const string Section = "Bot";
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const int DefaultMaxQueuedTurns = 1000;
    public const int DefaultMaxParallelTurns = 128;
    public const string DefaultEmulatorOpenIdMetadataUrl = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>The bot's app (client) id. Without it Teams is off, unless <see cref="AllowUnauthenticated"/> is set.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>
    /// Development only: without an app id, accept activities with no token (the Agents Playground, the Emulator) and
    /// answer them only at loopback service URLs.
    /// </summary>
    public bool AllowUnauthenticated { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    /// <summary>Tenant of a single-tenant bot; empty for multi-tenant (tokens then come from botframework.com).</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>
    /// Turns this host has accepted and not yet answered, every channel together. When that many wait, Teams gets 503 and
    /// Direct Line 429, both with Retry-After, so a burst waits at the sender instead of in memory, and once the load
    /// stops what was accepted is answered within about a second (the benchmark measures how many turns a second a host answers).
    /// </summary>
    public int MaxQueuedTurns { get; set; } = DefaultMaxQueuedTurns;

    /// <summary>
    /// Turns of different conversations this host runs at once (one conversation's turns always run one after another).
    /// A turn spends most of its time waiting on the store and the connector, so more of them at once means fuller
    /// group commits in the embedded store: 128 against 32 answered about 10% more turns a second in the benchmark.
    /// </summary>
    public int MaxParallelTurns { get; set; } = DefaultMaxParallelTurns;

    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    public string EmulatorOpenIdMetadataUrl { get; set; } = DefaultEmulatorOpenIdMetadataUrl;

    public bool AuthEnabled => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>Teams answers at all: with an app id, or in the unauthenticated development mode.</summary>
    public bool Configured => AuthEnabled || AllowUnauthenticated;

    /// <summary>The authority MSAL asks for connector tokens.</summary>
    public string Authority => $"https://login.microsoftonline.com/{(string.IsNullOrWhiteSpace(MicrosoftAppTenantId) ? "botframework.com" : MicrosoftAppTenantId)}";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AuthEnabled && string.IsNullOrWhiteSpace(MicrosoftAppPassword))
            yield return new ValidationResult("Bot:MicrosoftAppPassword is required when Bot:MicrosoftAppId is set.", [nameof(MicrosoftAppPassword)]);
        if (AuthEnabled && AllowUnauthenticated)
            yield return new ValidationResult("Bot:AllowUnauthenticated=true is for local development without Bot:MicrosoftAppId; remove one of them.", [nameof(AllowUnauthenticated)]);
        if (MaxQueuedTurns < 1)
            yield return new ValidationResult($"Bot:MaxQueuedTurns must be at least 1, got {MaxQueuedTurns}.", [nameof(MaxQueuedTurns)]);
        if (MaxParallelTurns < 1)
            yield return new ValidationResult($"Bot:MaxParallelTurns must be at least 1, got {MaxParallelTurns}.", [nameof(MaxParallelTurns)]);
        foreach (var (name, value) in new[] { (nameof(OpenIdMetadataUrl), OpenIdMetadataUrl), (nameof(EmulatorOpenIdMetadataUrl), EmulatorOpenIdMetadataUrl) })
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                yield return new ValidationResult($"Bot:{name} must be an absolute http(s) URL, got '{value}'.", [name]);
        }
    }
}
