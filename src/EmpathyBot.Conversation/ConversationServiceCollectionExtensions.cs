using EmpathyBot.Conversation.Engine;
using EmpathyBot.Conversation.Flows;
using EmpathyBot.Conversation.Integrity;
using EmpathyBot.Services;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Conversation;

public static class ConversationServiceCollectionExtensions
{
    /// <summary>The channel-neutral engine and its flows (the store's ports and the reply scheduler are registered by the composition root).</summary>
    public static IServiceCollection AddEmpathyBotConversation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StudyOptions>().Bind(configuration.GetSection(StudyOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<StudyOptions>, StudyOptionsValidator>();
        services.AddOptions<RatingOptions>().Bind(configuration.GetSection(RatingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<QualityOptions>().Bind(configuration.GetSection(QualityOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RatingOptions>, RatingOptionsRules>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<Participants>();
        services.AddSingleton<StateAccessor>();
        services.AddSingleton<ConsentFlow>();
        services.AddSingleton<RespondFlow>();
        services.AddSingleton<GoldItems>();
        services.AddSingleton<RatingPool>();
        services.AddSingleton<RateFlow>();
        services.AddSingleton<ReplyFingerprints>();
        services.AddSingleton<ReplyChecks>();
        services.AddSingleton<CardClock>();
        services.AddSingleton<AuthorGuessFlow>();
        services.AddSingleton<PairwiseFlow>();
        services.AddSingleton<RatingCards>();
        services.AddSingleton<SummaryFlow>();
        services.AddSingleton<ForgetFlow>();
        services.AddEmpathyBotServices(configuration);
        services.AddSingleton<AppraisalFlow>();
        services.AddSingleton<UnderstandingFlow>();
        services.AddSingleton<StudyTexts>();
        services.AddSingleton<CompletionFlow>();
        services.AddSingleton<ProtocolGuide>();
        services.AddSingleton<ResultsAccess>();
        services.AddSingleton<ConversationEngine>();
        services.AddSingleton<IConversationEngine, ResultsGate>();
        return services;
    }
}
