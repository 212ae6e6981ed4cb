using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EmpathyBot.Channels.Tests.Teams;

/// <summary>
/// Serves OpenID metadata and JWKS (with Bot Framework endorsements) on 127.0.0.1, like
/// login.botframework.com and login.microsoftonline.com do, and mints tokens signed by its keys.
/// </summary>
public sealed class SigningKeyServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly List<(RsaSecurityKey Key, string[] Endorsements)> channelKeys = [];
    private readonly List<RsaSecurityKey> emulatorKeys = [];

    public int JwksRequests;

    private SigningKeyServer(WebApplication app) => this.app = app;

    public string BaseUrl { get; private set; } = "";

    public string ChannelMetadataUrl => BaseUrl + "/v1/.well-known/openidconfiguration";

    public string EmulatorMetadataUrl => BaseUrl + "/common/v2.0/.well-known/openid-configuration";

    public static async Task<SigningKeyServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new SigningKeyServer(app);
        app.MapGet("/v1/.well-known/openidconfiguration", () => Results.Json(new { issuer = "https://api.botframework.com", jwks_uri = server.BaseUrl + "/v1/keys" }));
        app.MapGet("/common/v2.0/.well-known/openid-configuration", () => Results.Json(new { issuer = "https://login.microsoftonline.com/{tenantid}/v2.0", jwks_uri = server.BaseUrl + "/common/keys" }));
        app.MapGet("/v1/keys", () =>
        {
            Interlocked.Increment(ref server.JwksRequests);
            lock (server.channelKeys) return Results.Text(Jwks(server.channelKeys.Select(k => (k.Key, (string[]?)k.Endorsements))), "application/json");
        });
        app.MapGet("/common/keys", () =>
        {
            lock (server.emulatorKeys) return Results.Text(Jwks(server.emulatorKeys.Select(k => (k, (string[]?)null))), "application/json");
        });
        await app.StartAsync();
        server.BaseUrl = app.Urls.First();
        return server;
    }

    // RSA generation is slow on a busy machine; distinct key ids over a few shared key pairs test the same paths.
    private static readonly RSA[] Pool = [RSA.Create(2048), RSA.Create(2048), RSA.Create(2048)];
    private static int next;

    public static RsaSecurityKey NewKey(string kid) => new(Pool[Interlocked.Increment(ref next) % Pool.Length]) { KeyId = kid };

    /// <summary>
    /// A key under <paramref name="real"/>'s id but with other key material: a forgery. Taken from the pool by
    /// difference, not by turn, since tests running at the same time move the turn.
    /// </summary>
    public static RsaSecurityKey ForgeryOf(RsaSecurityKey real) => new(Pool.First(r => !ReferenceEquals(r, real.Rsa))) { KeyId = real.KeyId };

    public RsaSecurityKey AddChannelKey(string kid, params string[] endorsements)
    {
        var key = NewKey(kid);
        lock (channelKeys) channelKeys.Add((key, endorsements));
        return key;
    }

    public RsaSecurityKey AddEmulatorKey(string kid)
    {
        var key = NewKey(kid);
        lock (emulatorKeys) emulatorKeys.Add(key);
        return key;
    }

    private static string Jwks(IEnumerable<(RsaSecurityKey Key, string[]? Endorsements)> keys)
    {
        var list = new JsonArray();
        foreach (var (key, endorsements) in keys)
        {
            var p = key.Rsa.ExportParameters(false);
            var jwk = new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = key.KeyId,
                ["n"] = Base64UrlEncoder.Encode(p.Modulus),
                ["e"] = Base64UrlEncoder.Encode(p.Exponent),
            };
            if (endorsements is not null) jwk["endorsements"] = new JsonArray(endorsements.Select(e => (JsonNode?)e).ToArray());
            list.Add(jwk);
        }

        return new JsonObject { ["keys"] = list }.ToJsonString();
    }

    /// <summary>A token as the Bot Framework channel service issues it.</summary>
    public static string ChannelToken(
        SecurityKey key, string audience, string serviceUrl, string algorithm = SecurityAlgorithms.RsaSha256,
        string issuer = "https://api.botframework.com", DateTime? notBefore = null, DateTime? expires = null)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = (notBefore ?? now).AddSeconds(-1),
            NotBefore = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddMinutes(30),
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = new SigningCredentials(key, algorithm),
        });
    }

    /// <summary>A token as the Bot Framework Emulator sends it (an AAD v1 or v2 token for the bot's app id).</summary>
    public static string EmulatorToken(SecurityKey key, string appId, string version, string tenant = "d6d49420-f39b-4df7-a1dc-d59a935871db")
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object> { ["ver"] = version };
        claims[version == "2.0" ? "azp" : "appid"] = appId;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = version == "2.0" ? $"https://login.microsoftonline.com/{tenant}/v2.0" : $"https://sts.windows.net/{tenant}/",
            Audience = "https://api.botframework.com",
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddMinutes(30),
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>A hand-built token with any header (alg none, HS256) and an arbitrary signature part.</summary>
    public static string RawToken(object header, object payload, string signature = "") =>
        $"{Base64UrlEncoder.Encode(JsonSerializer.Serialize(header))}.{Base64UrlEncoder.Encode(JsonSerializer.Serialize(payload))}.{signature}";

    public static string Hs256Token(object payload, byte[] secret)
    {
        var unsigned = RawToken(new { alg = "HS256", typ = "JWT", kid = "k1" }, payload).TrimEnd('.');
        var mac = HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(unsigned));
        return unsigned + "." + Base64UrlEncoder.Encode(mac);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
