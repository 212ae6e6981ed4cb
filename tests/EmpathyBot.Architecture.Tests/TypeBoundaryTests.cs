using System.Reflection;
using NetArchTest.Rules;

namespace EmpathyBot.Architecture.Tests;

/// <summary>Rules on types, where a project reference alone cannot say enough.</summary>
public sealed class TypeBoundaryTests
{
    private static Assembly Load(string name) => Assembly.Load(name);

    /// <summary>
    /// A channel turns a payload into a turn and a message into a payload; study data is the engine's business. The
    /// channel-level ports (delivery claims, conversation state, web chat conversations) are all a channel may use.
    /// </summary>
    [Fact]
    public void Channels_reach_study_data_only_through_the_engine()
    {
        var result = Types.InAssembly(Load("EmpathyBot.Channels")).Should()
            .NotHaveDependencyOnAny(
                "EmpathyBot.Core.Ports.IPromptStore", "EmpathyBot.Core.Ports.IReplyStore", "EmpathyBot.Core.Ports.IRatingStore",
                "EmpathyBot.Core.Ports.IQualityStore", "EmpathyBot.Core.Ports.IParticipantStore", "EmpathyBot.Core.Ports.IAppraisalStore",
                "EmpathyBot.Core.Ports.IUnderstandingStore", "EmpathyBot.Services")
            .GetResult();
        Assert.True(result.IsSuccessful, "Channels types that reach study data: " + string.Join(", ", result.FailingTypeNames ?? []));
    }
}
