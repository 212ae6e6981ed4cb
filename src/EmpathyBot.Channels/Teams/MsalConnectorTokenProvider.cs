using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace EmpathyBot.Channels.Teams;

/// <summary>
/// Client-credentials tokens for the Bot Connector (scope <c>https://api.botframework.com/.default</c>) from the
/// bot's tenant, or botframework.com for multi-tenant bots. MSAL caches them until shortly before expiry.
/// </summary>
public sealed class MsalConnectorTokenProvider : IConnectorTokenProvider
{
    public const string Scope = "https://api.botframework.com/.default";

    private readonly IConfidentialClientApplication? app;

    public MsalConnectorTokenProvider(IOptions<BotOptions> options)
    {
        var bot = options.Value;
        if (!bot.AuthEnabled) return;
        app = ConfidentialClientApplicationBuilder.Create(bot.MicrosoftAppId)
            .WithClientSecret(bot.MicrosoftAppPassword)
            .WithAuthority(bot.Authority)
            .Build();
    }

    public async Task<string?> GetTokenAsync(CancellationToken ct)
    {
        if (app is null) return null;
        var result = await app.AcquireTokenForClient([Scope]).ExecuteAsync(ct);
        return result.AccessToken;
    }
}
