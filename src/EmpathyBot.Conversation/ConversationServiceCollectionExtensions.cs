using EmpathyBot.Conversation.Engine;
using EmpathyBot.Conversation.Flows;
using EmpathyBot.Services;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EmpathyBot.Conversation;

public static class ConversationServiceCollectionExtensions
{
    /// <summary>The channel-neutral engine and its flows (the store's ports and the reply scheduler are registered by the composition root).</summary>
    public static IServiceCollection AddEmpathyBotConversation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StudyOptions>().Bind(configuration.GetSection(StudyOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RatingOptions>().Bind(configuration.GetSection(RatingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<Participants>();
        services.AddSingleton<StateAccessor>();
        services.AddSingleton<ConsentFlow>();
        services.AddSingleton<RespondFlow>();
        services.AddSingleton<GoldItems>();
        services.AddSingleton<RateFlow>();
        services.AddSingleton<PairwiseFlow>();
        services.AddSingleton<RatingCards>();
        services.AddSingleton<SummaryFlow>();
        services.AddSingleton<ForgetFlow>();
        services.AddEmpathyBotServices(configuration);
        services.AddSingleton<AppraisalFlow>();
        services.AddSingleton<UnderstandingFlow>();
        services.AddSingleton<IConversationEngine, ConversationEngine>();
        return services;
    }
}
