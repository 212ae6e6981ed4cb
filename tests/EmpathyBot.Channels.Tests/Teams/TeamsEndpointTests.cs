using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using EmpathyBot.Channels.Teams;
using EmpathyBot.Conversation.Engine;
using EmpathyBot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace EmpathyBot.Channels.Tests.Teams;

public sealed class BotFrameworkEndpointTests : IAsyncLifetime
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private ConnectorRecorder connector = null!;

    public async Task InitializeAsync() => connector = await ConnectorRecorder.StartAsync();

    public async Task DisposeAsync() => await connector.DisposeAsync();

    private JsonObject Activity(string type = "message", string? text = null, string? id = null, string conversationType = "personal", JsonNode? value = null) =>
        TeamsTestHost.Activity(connector.ServiceUrl, type, text, id, conversationType, value);

    [Theory]
    [InlineData("")]
    [InlineData("{not json")]
    [InlineData("{\"text\":\"hi\"}")]
    [InlineData("[1,2]")]
    [InlineData("{\"type\":\"message\",\"conversation\":7}")]
    public async Task Malformed_bodies_get_400_without_the_parsers_details(string body)
    {
        await using var host = await TeamsTestHost.StartAsync();

        var response = await host.Client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("not a valid Activity", text);
        Assert.DoesNotContain("LineNumber", text);
        Assert.DoesNotContain("Path:", text);
    }

    [Fact]
    public async Task A_message_is_acked_with_200_and_answered_through_the_connector()
    {
        await using var host = await TeamsTestHost.StartAsync();
        var activity = Activity(text: "help", id: "act-1");

        var response = await host.PostAsync(activity);
        await host.DrainAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(await connector.WaitForAsync(1));
        Assert.Equal("POST", call.Method);
        Assert.Equal("/v3/conversations/conv-personal/activities/act-1", call.Path);
        Assert.Equal("echo: help", call.Body["text"]!.GetValue<string>());
        Assert.Equal("28:bot", call.Body["from"]!["id"]!.GetValue<string>());
        Assert.Equal("29:user-a", call.Body["recipient"]!["id"]!.GetValue<string>());
        Assert.Equal("act-1", call.Body["replyToId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_redelivered_activity_is_handled_once()
    {
        await using var host = await TeamsTestHost.StartAsync();
        var activity = Activity(text: "respond", id: "same-id");

        var first = await host.PostAsync(activity);
        var second = await host.PostAsync(activity);
        await host.DrainAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(host.Engine.Turns);
        Assert.Single(connector.Calls);
    }

    [Fact]
    public async Task Install_sends_one_welcome_although_teams_sends_two_events()
    {
        await using var host = await TeamsTestHost.StartAsync();
        var install = Activity(type: "installationUpdate");
        install["action"] = "add";
        var added = Activity(type: "conversationUpdate");
        added["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "28:bot" });

        await host.PostAsync(install);
        await host.PostAsync(added);
        await host.DrainAsync();

        var turn = Assert.Single(host.Engine.Turns);
        Assert.Equal(TurnKind.ConversationStart, turn.Kind);
        Assert.Equal("welcome", Assert.Single(connector.Calls).Body["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Other_members_joining_and_uninstalls_are_acked_without_a_turn()
    {
        await using var host = await TeamsTestHost.StartAsync();
        var joined = Activity(type: "conversationUpdate", conversationType: "groupChat");
        joined["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "29:someone" });
        var removed = Activity(type: "installationUpdate");
        removed["action"] = "remove";

        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(joined)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(removed)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(Activity(type: "typing"))).StatusCode);
        await host.DrainAsync();

        Assert.Empty(host.Engine.Turns);
        Assert.Empty(connector.Calls);
    }

    [Theory]
    [InlineData("groupChat")]
    [InlineData("channel")]
    public async Task In_groups_the_bot_answers_only_when_mentioned_and_strips_its_mention(string conversationType)
    {
        await using var host = await TeamsTestHost.StartAsync();
        var chatter = Activity(text: "lunch anyone?", conversationType: conversationType);
        var otherMention = Activity(text: "<at>Megan</at> help", conversationType: conversationType);
        otherMention["entities"] = new JsonArray(Mention("29:megan", "<at>Megan</at>"));
        var addressed = Activity(text: "<at>EmpathyBot</at> summary <at>Megan</at>", conversationType: conversationType);
        addressed["entities"] = new JsonArray(Mention("28:bot", "<at>EmpathyBot</at>"), Mention("29:megan", "<at>Megan</at>"));

        await host.PostAsync(chatter);
        await host.PostAsync(otherMention);
        await host.PostAsync(addressed);
        await host.DrainAsync();

        var turn = Assert.Single(host.Engine.Turns);
        Assert.Equal("summary <at>Megan</at>", turn.Text);
        Assert.Equal("/v3/conversations/conv-" + conversationType + "/activities/" + addressed["id"], Assert.Single(await connector.WaitForAsync(1)).Path);
    }

    [Fact]
    public async Task Card_submits_in_groups_need_no_mention()
    {
        await using var host = await TeamsTestHost.StartAsync();
        var submit = Activity(conversationType: "groupChat", value: new JsonObject { ["action"] = "consent" });

        await host.PostAsync(submit);
        await host.DrainAsync();

        Assert.Equal("consent", Assert.Single(host.Engine.Turns).Value!["action"]);
    }

    [Fact]
    public async Task A_rating_submit_replaces_the_rating_card_in_place()
    {
        await using var host = await TeamsTestHost.StartAsync();
        var submit = Activity(value: new JsonObject { ["action"] = "rate", ["reply"] = "r1", ["rating"] = "good" });
        submit["replyToId"] = "card-9";

        await host.PostAsync(submit);
        await host.DrainAsync();

        var call = Assert.Single(connector.Calls);
        Assert.Equal("PUT", call.Method);
        Assert.Equal("/v3/conversations/conv-personal/activities/card-9", call.Path);
        Assert.Equal("Thanks for rating", call.Body["attachments"]![0]!["content"]!["body"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Action_execute_invoke_is_answered_inline_with_the_replacement_card()
    {
        await using var host = await TeamsTestHost.StartAsync();
        var invoke = Activity(type: "invoke", value: new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "rate", ["data"] = new JsonObject { ["reply"] = "r1", ["rating"] = "good" } },
            ["trigger"] = "manual",
        });
        invoke["name"] = "adaptiveCard/action";

        var response = await host.PostAsync(invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(200, body!["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", body["value"]!["type"]!.GetValue<string>());
        var turn = Assert.Single(host.Engine.Turns);
        Assert.Equal("rate", turn.Value!["action"]);
        Assert.Equal("good", turn.Value["rating"]);
    }

    [Fact]
    public async Task Oddly_shaped_values_and_entities_are_answered_not_crashed_on()
    {
        await using var host = await TeamsTestHost.StartAsync();
        var invoke = Activity(type: "invoke", value: JsonValue.Create("just a string"));
        invoke["name"] = "adaptiveCard/action";
        var message = Activity(text: "<at>EmpathyBot</at> help", conversationType: "groupChat");
        message["entities"] = new JsonArray(JsonValue.Create(1), new JsonObject { ["type"] = 5, ["mentioned"] = "28:bot" });

        var invoked = await host.PostAsync(invoke);
        var posted = await host.PostAsync(message);
        await host.DrainAsync();

        Assert.Equal(HttpStatusCode.OK, invoked.StatusCode);
        Assert.Equal("application/vnd.microsoft.activity.message", (await invoked.Content.ReadFromJsonAsync<JsonObject>())!["type"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Empty(host.Engine.Turns);
    }

    [Fact]
    public async Task Unhandled_invokes_get_501()
    {
        await using var host = await TeamsTestHost.StartAsync();
        var invoke = Activity(type: "invoke");
        invoke["name"] = "composeExtension/query";

        var response = await host.PostAsync(invoke);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Empty(host.Engine.Turns);
    }

    [Fact]
    public async Task A_store_outage_is_answered_with_the_apology()
    {
        await using var host = await TeamsTestHost.StartAsync();
        host.Engine.Throw = new StoreUnavailableException("down");

        await host.PostAsync(Activity(text: "rate"));
        await host.DrainAsync();

        Assert.Equal(Apologies.StoreUnavailable, Assert.Single(connector.Calls).Body["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task With_an_app_id_requests_need_a_valid_token()
    {
        await using var keys = await SigningKeyServer.StartAsync();
        var key = keys.AddChannelKey("k1", "msteams");
        await using var host = await TeamsTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = AppId,
            ["Bot:MicrosoftAppPassword"] = "secret",
            ["Bot:OpenIdMetadataUrl"] = keys.ChannelMetadataUrl,
            ["Bot:EmulatorOpenIdMetadataUrl"] = keys.EmulatorMetadataUrl,
        });

        var anonymous = await host.PostAsync(Activity(text: "help"));
        var forged = await host.PostAsync(Activity(text: "help"), "Bearer " + SigningKeyServer.ChannelToken(SigningKeyServer.ForgeryOf(key), AppId, connector.ServiceUrl));
        var valid = await host.PostAsync(Activity(text: "help"), "Bearer " + SigningKeyServer.ChannelToken(key, AppId, connector.ServiceUrl));
        await host.DrainAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Single(host.Engine.Turns);
        Assert.Equal("Bearer connector-token", Assert.Single(connector.Calls).Authorization);
    }

    [Fact]
    public async Task An_app_id_without_a_password_stops_the_host_at_start()
    {
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(
            () => TeamsTestHost.StartAsync(new Dictionary<string, string?> { ["Bot:MicrosoftAppId"] = AppId }));

        Assert.Contains("Bot:MicrosoftAppPassword is required", error.Message);
    }

    private static JsonObject Mention(string id, string text) => new()
    {
        ["type"] = "mention",
        ["mentioned"] = new JsonObject { ["id"] = id, ["name"] = text },
        ["text"] = text,
    };
}
