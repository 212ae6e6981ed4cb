using EmpathyBot.Channels.Work;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EmpathyBot.Channels.DirectLine;

public static class DirectLineServiceCollectionExtensions
{
    public static IServiceCollection AddEmpathyBotDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DirectLineOptions>().Bind(configuration.GetSection(DirectLineOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<DirectLineConversations>();
        services.AddConversationWorkQueue();
        services.AddSingleton<DirectLineBot>();
        return services;
    }
}
