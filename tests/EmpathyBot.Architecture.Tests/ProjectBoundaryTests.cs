namespace EmpathyBot.Architecture.Tests;

/// <summary>
/// The boundaries the README's architecture section draws, read from the project files so a new edge fails here:
/// data flows channel -> engine -> study services -> store ports, and only the composition roots (Host, Cli) see
/// every implementation.
/// </summary>
public sealed class ProjectBoundaryTests
{
    private const string Core = "EmpathyBot.Core";
    private const string Storage = "EmpathyBot.Storage";
    private const string Models = "EmpathyBot.Models";
    private const string Services = "EmpathyBot.Services";
    private const string Conversation = "EmpathyBot.Conversation";
    private const string Channels = "EmpathyBot.Channels";
    private const string Host = "EmpathyBot.Host";
    private const string Cli = "EmpathyBot.Cli";

    private static readonly ProjectGraph Graph = ProjectGraph.Load(Path.Combine(ProjectGraph.RepositoryRoot(), "src"));

    public static TheoryData<string> Projects() => new(Graph.Names.Order(StringComparer.Ordinal));

    [Fact]
    public void Every_source_project_is_known_to_these_rules()
    {
        Assert.Equal([Channels, Cli, Conversation, Core, Host, Models, Services, Storage], Graph.Names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Core_references_no_project()
    {
        Assert.Empty(Graph[Core].References);
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Only_storage_and_the_composition_roots_reach_a_database_client(string project)
    {
        var allowed = project is Storage or Host or Cli;
        foreach (var client in new[] { "Microsoft.Data.Sqlite", "StackExchange.Redis" })
        {
            Assert.True(allowed || !Graph.ReachesPackage(project, client), $"{project} reaches {client}.");
        }
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Only_the_contender_project_and_the_composition_roots_reach_semantic_kernel(string project)
    {
        var allowed = project is Models or Host or Cli;
        Assert.True(allowed || !Graph.ReachesPackage(project, "Microsoft.SemanticKernel"), $"{project} reaches Semantic Kernel.");
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Only_the_host_and_the_channels_use_the_aspnetcore_shared_framework(string project)
    {
        var allowed = project is Host or Channels;
        Assert.True(allowed || !Graph.ReachesFramework(project, "Microsoft.AspNetCore.App"), $"{project} reaches Microsoft.AspNetCore.App.");
    }

    [Theory]
    [InlineData(Conversation, Channels)]
    [InlineData(Conversation, Host)]
    [InlineData(Conversation, Storage)]
    [InlineData(Conversation, Models)]
    [InlineData(Channels, Storage)]
    [InlineData(Channels, Models)]
    [InlineData(Cli, Conversation)]
    [InlineData(Cli, Channels)]
    [InlineData(Models, Storage)]
    [InlineData(Models, Conversation)]
    [InlineData(Services, Storage)]
    [InlineData(Services, Models)]
    [InlineData(Storage, Services)]
    public void Forbidden_edges_are_absent(string from, string to)
    {
        Assert.DoesNotContain(to, Graph.Reach(from));
    }
}
