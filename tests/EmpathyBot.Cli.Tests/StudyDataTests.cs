using EmpathyBot.Cli.Commands;
using EmpathyBot.Storage;
using Microsoft.Data.Sqlite;

namespace EmpathyBot.Cli.Tests;

/// <summary>Where the CLI's study data is: said on stderr, and a read on a place with no study is refused rather than made up.</summary>
public sealed class StudyDataTests : IDisposable
{
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("empathybot-cli-data-");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        dir.Delete(recursive: true);
    }

    private string Store => Path.Combine(dir.FullName, "store");

    private (int Exit, string Out, string Err) Run(params string[] args) => CliRun.Invoke(CliApp.Root(), [.. args, "--data-dir", Store]);

    [Theory]
    [InlineData("summary")]
    [InlineData("summary", "--json")]
    [InlineData("prompts", "list")]
    [InlineData("ratings", "export", "-")]
    public void A_read_on_a_missing_store_says_so_exits_non_zero_and_creates_nothing(params string[] args)
    {
        var (exit, output, error) = Run(args);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal("", output);
        Assert.Contains($"there is no study data in {Store}", error);
        Assert.False(Directory.Exists(Store));
    }

    [Fact]
    public void Import_creates_the_store_and_every_command_names_where_the_data_is()
    {
        var ratings = Path.Combine(dir.FullName, "ratings.csv");
        File.WriteAllLines(ratings, ["prompt_id,emotion,situation,utterance,source,response_id,response,rater,rating", "p1,sad,s,u,human,r1,Oh no.,alice,good"]);

        var imported = Run("ratings", "import", ratings);
        Assert.True(imported.Exit == 0, imported.Err);
        Assert.Contains($"Study data: {Store} (SQLite)", imported.Err);
        Assert.DoesNotContain("Study data", imported.Out);

        var summary = Run("summary");
        Assert.Equal(ExitCodes.Ok, summary.Exit);
        Assert.StartsWith($"Study data: {Store} (SQLite)", summary.Err);
        Assert.Contains("human\t1\t1\t1", summary.Out);
    }

    [Fact]
    public void A_relative_data_directory_in_the_settings_resolves_against_the_checkout_root_from_any_folder_in_it()
    {
        var checkout = Directory.CreateDirectory(Path.Combine(dir.FullName, "checkout"));
        File.WriteAllText(Path.Combine(checkout.FullName, StudyDataLocation.RootMarker), "");
        var project = Directory.CreateDirectory(Path.Combine(checkout.FullName, "src", "EmpathyBot.Host")).FullName;
        var expected = Path.Combine(checkout.FullName, ".empathybot");

        Assert.Equal(expected, StudyDataLocation.Resolve("./.empathybot", checkout.FullName));
        Assert.Equal(expected, StudyDataLocation.Resolve("./.empathybot", project));
        Assert.Equal(Path.Combine(dir.FullName, "elsewhere", ".empathybot"), StudyDataLocation.Resolve(".empathybot", Path.Combine(dir.FullName, "elsewhere")));
        Assert.Equal(Store, StudyDataLocation.Resolve(Store, project));
    }

    [Fact]
    public void The_redis_location_names_endpoints_and_never_the_password()
    {
        var options = new StorageOptions
        {
            Provider = StorageOptions.RedisProvider,
            Redis = { Configuration = "cache.example:6380,password=hunter2,ssl=true", KeyPrefix = "study1:" },
        };
        var line = StudyDataLocation.Describe(options);
        Assert.Equal("Redis cache.example:6380 (key prefix study1:)", line);
        Assert.DoesNotContain("hunter2", line);
    }
}
