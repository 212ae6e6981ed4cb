using System.Security.Claims;

namespace EmpathyBot.Channels.Auth;

/// <summary>The result of checking an inbound request's bearer token; <see cref="Error"/> says why it failed.</summary>
/// <param name="Scope">What the token lets its bearer claim in the activity; null when no token was checked (development mode).</param>
public sealed record AuthOutcome(bool Succeeded, string? Error, ClaimsIdentity? Identity, TokenScope? Scope = null)
{
    public static AuthOutcome Anonymous { get; } = new(true, null, null);

    public static AuthOutcome Fail(string error) => new(false, error, null);

    public static AuthOutcome Ok(ClaimsIdentity identity, TokenScope scope) => new(true, null, identity, scope);
}
