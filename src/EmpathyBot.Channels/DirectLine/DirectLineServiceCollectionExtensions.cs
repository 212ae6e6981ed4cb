using EmpathyBot.Channels.Work;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EmpathyBot.Channels.DirectLine;

public static class DirectLineServiceCollectionExtensions
{
    /// <summary>The Direct Line endpoint's services; its conversations live in the <c>IDirectLineStore</c> that <c>AddEmpathyBotStorage</c> registers.</summary>
    public static IServiceCollection AddEmpathyBotDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DirectLineOptions>().Bind(configuration.GetSection(DirectLineOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<WebChatResume>();
        services.AddSingleton<DirectLineConversations>();
        services.AddConversationWorkQueue();
        services.AddSingleton<DirectLineBot>();
        return services;
    }
}
