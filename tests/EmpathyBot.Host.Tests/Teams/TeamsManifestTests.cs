using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;

namespace EmpathyBot.Host.Tests.Teams;

/// <summary>The Teams app package: the official 1.22 schema (npm @microsoft/app-manifest, ajv draft-04) and the icon rules.</summary>
public sealed class TeamsManifestTests : IDisposable
{
    private const string BotAppId = "0f3c6a2e-8d4b-4c1a-9e7f-2b5d8a6c4e1f";
    private readonly string temp = Directory.CreateTempSubdirectory("teams-package-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [Trait("Category", "EndToEnd")]
    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task The_packaged_manifest_is_valid_against_the_official_schema()
    {
        RepoPaths.RequireNodeModules("@microsoft/app-manifest");
        var zip = await PackageAsync();

        using var archive = ZipFile.OpenRead(zip);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], archive.Entries.Select(e => e.FullName).Order());
        var manifestPath = Path.Combine(temp, "manifest.json");
        archive.GetEntry("manifest.json")!.ExtractToFile(manifestPath);

        var result = await NodeRunner.RunAsync("validate-manifest.mjs", manifestPath);
        Assert.True(result.ExitCode == 0, result.Output + result.Error);

        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(manifestPath))!;
        Assert.Equal("1.22", manifest["manifestVersion"]!.GetValue<string>());
        Assert.Equal(BotAppId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal(BotAppId, manifest["id"]!.GetValue<string>());
        Assert.Equal("https://bot.example.org/privacy", manifest["developer"]!["privacyUrl"]!.GetValue<string>());
        Assert.DoesNotContain("{{", manifest.ToJsonString());
    }

    [Trait("Category", "EndToEnd")]
    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task The_schema_check_rejects_the_unfilled_template()
    {
        RepoPaths.RequireNodeModules("@microsoft/app-manifest");

        var result = await NodeRunner.RunAsync("validate-manifest.mjs", Path.Combine(RepoPaths.Manifests, "manifest.json"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("/bots/0/botId must match pattern", result.Output);
    }

    [Fact]
    public async Task Packaging_refuses_an_app_id_that_is_not_a_guid()
    {
        var (exit, output) = await RunPackageScriptAsync("not-a-guid", Path.Combine(temp, "bad.zip"));

        Assert.NotEqual(0, exit);
        Assert.Contains("BOT_APP_ID must be a GUID", output);
        Assert.False(File.Exists(Path.Combine(temp, "bad.zip")));
    }

    [Theory]
    [InlineData("color.png", 192, false)]
    [InlineData("outline.png", 32, true)]
    public void Icons_have_the_sizes_teams_requires(string file, int size, bool outline)
    {
        var png = Png.Read(Path.Combine(RepoPaths.Manifests, file));

        Assert.Equal(size, png.Width);
        Assert.Equal(size, png.Height);
        if (outline)
        {
            // Outline icons are white on a transparent background.
            Assert.Contains(png.Pixels, p => p.A == 0);
            Assert.Contains(png.Pixels, p => p.A == 255);
            Assert.All(png.Pixels.Where(p => p.A > 0), p => Assert.True(p.R == 255 && p.G == 255 && p.B == 255));
        }
        else
        {
            Assert.All(png.Pixels, p => Assert.Equal(255, p.A));
        }
    }

    private async Task<string> PackageAsync()
    {
        var zip = Path.Combine(temp, "teams-app.zip");
        var (exit, output) = await RunPackageScriptAsync(BotAppId, zip);
        Assert.True(exit == 0, output);
        return zip;
    }

    private static async Task<(int Exit, string Output)> RunPackageScriptAsync(string botAppId, string output)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepoPaths.Root, "scripts", "teams-package.sh"));
        start.Environment["BOT_APP_ID"] = botAppId;
        start.Environment["BOT_DOMAIN"] = "bot.example.org";
        start.Environment["OUT"] = output;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
