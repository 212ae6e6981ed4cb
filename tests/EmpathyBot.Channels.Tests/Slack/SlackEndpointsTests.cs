using System.Net;
using System.Text.Json.Nodes;
using EmpathyBot.Channels.Slack;
using EmpathyBot.Conversation.Engine;
using EmpathyBot.Conversation.Messages;
using EmpathyBot.Channels.Http;
using Microsoft.AspNetCore.Http;

namespace EmpathyBot.Channels.Tests.Slack;

public sealed class SlackEndpointsTests : IAsyncLifetime
{
    private FakeSlackApi slack = null!;
    private SlackTestApp app = null!;

    public async Task InitializeAsync()
    {
        slack = await FakeSlackApi.StartAsync();
        app = await SlackTestApp.StartAsync(slack);
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await slack.DisposeAsync();
    }

    private static string DirectMessage(string eventId, string text, string user = "U1", string extra = "") =>
        $$$"""{"type":"event_callback","team_id":"T1","event_id":"{{{eventId}}}","authorizations":[{"user_id":"UBOT","is_bot":true}],"event":{"type":"message","channel_type":"im","channel":"D1","user":"{{{user}}}","text":"{{{text}}}","ts":"1.1"{{{extra}}}}}""";

    /// <summary>A valid DM processed after earlier requests on the same conversation: once its reply is seen, anything before it has been handled.</summary>
    private async Task SentinelAsync()
    {
        var before = slack.Posts.Count();
        var id = "Ev-sentinel-" + Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.OK, (await app.PostEventAsync(DirectMessage(id, "sentinel"))).StatusCode);
        await slack.WaitForAsync(_ => slack.Posts.Count() > before);
    }

    [Fact]
    public async Task Url_verification_echoes_the_challenge()
    {
        var response = await app.PostEventAsync("""{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", body["challenge"]!.GetValue<string>());
        Assert.Empty(app.ClaimedKeys);
    }

    [Fact]
    public async Task Direct_message_is_acked_then_answered_with_chat_postMessage()
    {
        var response = await app.PostEventAsync(DirectMessage("Ev1", "hello &amp; &lt;there&gt;"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var post = (await slack.WaitForAsync(c => c.Any(x => x.Path == "/api/chat.postMessage")))[0];
        Assert.Equal("Bearer " + SlackTestApp.BotToken, post.Authorization);
        Assert.Equal("D1", post.Body["channel"]!.GetValue<string>());
        // Unescaped on the way in, escaped again on the way out: Slack shows "echo: hello & <there>".
        Assert.Equal("echo: hello &amp; &lt;there&gt;", post.Body["text"]!.GetValue<string>());
        Assert.Equal("section", post.Body["blocks"]![0]!["type"]!.GetValue<string>());
        var turn = Assert.Single(app.Turns);
        Assert.Equal(new Turn("slack", "U1", "D1", TurnKind.Message, "hello & <there>", null, "Ev1"), turn);
        Assert.Equal(["slack:event:Ev1"], app.ClaimedKeys);
    }

    [Fact]
    public async Task Retried_event_is_recorded_once()
    {
        foreach (var retry in new[] { null, "1", "2", "3" })
        {
            var headers = retry is null ? null : new Dictionary<string, string> { ["X-Slack-Retry-Num"] = retry, ["X-Slack-Retry-Reason"] = "http_timeout" };
            var response = await app.PostEventAsync(DirectMessage("EvRetry", "respond"), headers);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await SentinelAsync();
        Assert.Single(app.Turns, t => t.Text == "respond");
        Assert.Single(slack.Posts, p => p.Body["text"]!.GetValue<string>() == "echo: respond");
    }

    [Theory]
    [InlineData(""","bot_id":"B1" """)]
    [InlineData(""","subtype":"bot_message" """)]
    [InlineData(""","subtype":"message_changed" """)]
    [InlineData(""","channel_type":"channel" """)]
    public async Task Bot_and_non_dm_messages_are_ignored(string extra)
    {
        var json = DirectMessage("EvBot", "from a bot", extra: extra.Trim());
        if (extra.Contains("channel_type"))
        {
            json = json.Replace("\"channel_type\":\"im\",", "");
        }

        Assert.Equal(HttpStatusCode.OK, (await app.PostEventAsync(json)).StatusCode);

        await SentinelAsync();
        Assert.DoesNotContain(app.Turns, t => t.Text == "from a bot");
        Assert.DoesNotContain("slack:event:EvBot", app.ClaimedKeys);
    }

    [Fact]
    public async Task Our_own_bot_user_is_ignored()
    {
        Assert.Equal(HttpStatusCode.OK, (await app.PostEventAsync(DirectMessage("EvOwn", "mine", user: "UBOT"))).StatusCode);

        await SentinelAsync();
        Assert.DoesNotContain(app.Turns, t => t.UserId == "UBOT");
    }

    [Fact]
    public async Task App_mention_drops_the_mention_and_answers_in_the_channel()
    {
        var json = """{"type":"event_callback","event_id":"EvM","event":{"type":"app_mention","channel":"C9","user":"U2","text":"<@UBOT> summary","ts":"2.2"}}""";

        Assert.Equal(HttpStatusCode.OK, (await app.PostEventAsync(json)).StatusCode);

        var post = (await slack.WaitForAsync(c => c.Any(x => x.Path == "/api/chat.postMessage")))[0];
        Assert.Equal("C9", post.Body["channel"]!.GetValue<string>());
        Assert.Equal("summary", Assert.Single(app.Turns).Text);
    }

    [Theory]
    [InlineData("respond", "respond")]
    [InlineData("forget me", "forget me")]
    [InlineData("", "help")]
    public async Task Slash_command_becomes_a_turn_with_the_subcommand(string text, string expected)
    {
        var response = await app.PostFormAsync(SlackEndpoints.CommandsPath, new Dictionary<string, string>
        {
            ["command"] = "/empathy", ["text"] = text, ["user_id"] = "U3", ["channel_id"] = "D3", ["response_url"] = slack.ResponseUrl(), ["trigger_id"] = "t1",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var post = (await slack.WaitForAsync(c => c.Any(x => x.Path == "/api/chat.postMessage")))[0];
        Assert.Equal("D3", post.Body["channel"]!.GetValue<string>());
        Assert.Equal(expected, Assert.Single(app.Turns).Text);
    }

    [Fact]
    public async Task Slash_command_in_a_channel_the_bot_is_not_in_is_answered_privately_through_response_url()
    {
        slack.Script(async http =>
        {
            await http.Response.WriteAsync("""{"ok":false,"error":"not_in_channel"}""");
            return true;
        });

        await app.PostFormAsync(SlackEndpoints.CommandsPath, new Dictionary<string, string>
        {
            ["command"] = "/empathy", ["text"] = "help", ["user_id"] = "U3", ["channel_id"] = "C3", ["response_url"] = slack.ResponseUrl("cmd"),
        });

        var respond = (await slack.WaitForAsync(c => c.Any(x => x.Path == "/respond/cmd"))).Single(x => x.Path == "/respond/cmd");
        Assert.Equal("ephemeral", respond.Body["response_type"]!.GetValue<string>());
        Assert.Equal("echo: help", respond.Body["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ssl_check_is_answered_without_work()
    {
        var response = await app.PostFormAsync(SlackEndpoints.CommandsPath, new Dictionary<string, string> { ["ssl_check"] = "1", ["token"] = "x" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await SentinelAsync();
        Assert.Single(app.Turns);
    }

    [Fact]
    public async Task Button_press_carries_the_button_data_and_replaces_the_rated_message()
    {
        app.Engine.Respond = t => new TurnResult([Message.Text("Thanks! Next one?")], Message.Text("You rated this reply: Good"));
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = "U4" },
            ["channel"] = new JsonObject { ["id"] = "D4" },
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "3.3", ["channel_id"] = "D4" },
            ["response_url"] = slack.ResponseUrl("rate"),
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = "empathy_0_rate", ["block_id"] = "actions_0", ["value"] = """{"action":"rate","reply":"r-9","rating":"good"}""" }),
            ["state"] = new JsonObject
            {
                ["values"] = new JsonObject
                {
                    ["input:o1"] = new JsonObject { ["o1"] = new JsonObject { ["type"] = "number_input", ["value"] = "7" } },
                    ["input:panas1"] = new JsonObject { ["panas1"] = new JsonObject { ["type"] = "radio_buttons", ["selected_option"] = new JsonObject { ["value"] = "4" } } },
                    ["input:panas2"] = new JsonObject { ["panas2"] = new JsonObject { ["type"] = "radio_buttons", ["selected_option"] = null } },
                },
            },
        };

        var response = await app.PostFormAsync(SlackEndpoints.InteractionsPath, new Dictionary<string, string> { ["payload"] = payload.ToJsonString() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = await slack.WaitForAsync(c => c.Any(x => x.Path == "/respond/rate") && c.Any(x => x.Path == "/api/chat.postMessage"));
        var replace = calls.Single(c => c.Path == "/respond/rate");
        Assert.True(replace.Body["replace_original"]!.GetValue<bool>());
        Assert.Equal("You rated this reply: Good", replace.Body["text"]!.GetValue<string>());
        Assert.True(calls.ToList().FindIndex(c => c.Path == "/respond/rate") < calls.ToList().FindIndex(c => c.Path == "/api/chat.postMessage"));
        var turn = Assert.Single(app.Turns);
        Assert.Equal("3.3", turn.ActivityId);
        Assert.Null(turn.Text);
        Assert.Equal(new Dictionary<string, string> { ["action"] = "rate", ["reply"] = "r-9", ["rating"] = "good", ["o1"] = "7", ["panas1"] = "4" }, turn.Value);
    }

    [Fact]
    public async Task A_store_outage_is_answered_with_the_store_apology()
    {
        app.Engine.Respond = _ => throw new EmpathyBot.Core.Ports.StoreUnavailableException("redis down");

        await app.PostEventAsync(DirectMessage("EvDown", "rate"));

        var post = (await slack.WaitForAsync(c => c.Any(x => x.Path == "/api/chat.postMessage")))[0];
        Assert.Equal(Apologies.StoreUnavailable, post.Body["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Any_other_engine_failure_is_answered_honestly_not_as_an_outage()
    {
        app.Engine.Respond = _ => throw new InvalidOperationException("a bug");

        await app.PostEventAsync(DirectMessage("EvFail", "rate"));

        var post = (await slack.WaitForAsync(c => c.Any(x => x.Path == "/api/chat.postMessage")))[0];
        Assert.Equal(Apologies.Failure, post.Body["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Store_failure_while_deduplicating_is_answered_with_an_apology_and_runs_no_turn()
    {
        // The real store, closed: every claim now fails.
        await app.Store.Store.DisposeAsync();

        var response = await app.PostEventAsync(DirectMessage("EvStore", "rate"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var post = (await slack.WaitForAsync(c => c.Any(x => x.Path == "/api/chat.postMessage")))[0];
        Assert.Equal(Apologies.Failure, post.Body["text"]!.GetValue<string>());
        Assert.Empty(app.Turns);
    }

    [Fact]
    public async Task Requests_acknowledged_before_shutdown_are_still_answered_in_order()
    {
        var hold = new TaskCompletionSource();
        app.Engine.Hold = hold.Task;
        Assert.Equal(HttpStatusCode.OK, (await app.PostEventAsync(DirectMessage("EvS1", "first"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.PostEventAsync(DirectMessage("EvS2", "second"))).StatusCode);

        var stopping = app.StopAsync(TimeSpan.FromSeconds(20));
        Assert.False(stopping.IsCompleted);
        hold.SetResult();
        await stopping.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(["echo: first", "echo: second"], slack.Posts.Select(p => p.Body["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_replayed_slash_command_runs_once()
    {
        var body = "command=%2Fempathy&text=summary&user_id=U5&channel_id=D5&trigger_id=t-replay";
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var first = await app.PostSignedAsync(SlackEndpoints.CommandsPath, body, "application/x-www-form-urlencoded", ts);
        var replay = await app.PostSignedAsync(SlackEndpoints.CommandsPath, body, "application/x-www-form-urlencoded", ts);
        await app.DrainAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Single(app.Turns, t => t.Text == "summary");
        Assert.Single(slack.Posts, p => p.Body["text"]!.GetValue<string>() == "echo: summary");
    }

    [Fact]
    public async Task A_replayed_button_press_runs_once_but_a_new_press_runs_again()
    {
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = "U6" },
            ["channel"] = new JsonObject { ["id"] = "D6" },
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = "empathy_0_menu", ["value"] = """{"action":"menu"}""" }),
        };
        var body = await new FormUrlEncodedContent(new Dictionary<string, string> { ["payload"] = payload.ToJsonString() }).ReadAsStringAsync();
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        await app.PostSignedAsync(SlackEndpoints.InteractionsPath, body, "application/x-www-form-urlencoded", ts);
        await app.PostSignedAsync(SlackEndpoints.InteractionsPath, body, "application/x-www-form-urlencoded", ts);
        await app.PostSignedAsync(SlackEndpoints.InteractionsPath, body, "application/x-www-form-urlencoded", ts - 1);
        await app.DrainAsync();

        Assert.Equal(2, app.Turns.Count(t => t.Value?["action"] == "menu"));
    }

    public enum Forgery
    {
        TamperedBody,
        WrongSecret,
        StaleTimestamp,
        MissingHeaders,
    }

    [Theory]
    [InlineData(Forgery.TamperedBody)]
    [InlineData(Forgery.WrongSecret)]
    [InlineData(Forgery.StaleTimestamp)]
    [InlineData(Forgery.MissingHeaders)]
    public async Task Unverified_requests_get_401_with_no_body_and_no_side_effects(Forgery forgery)
    {
        foreach (var path in new[] { SlackEndpoints.EventsPath, SlackEndpoints.CommandsPath, SlackEndpoints.InteractionsPath })
        {
            var body = path == SlackEndpoints.EventsPath ? DirectMessage("EvForged", "forged")
                : path == SlackEndpoints.CommandsPath ? "command=%2Fempathy&text=forged&user_id=U1&channel_id=D1"
                : "payload=" + Uri.EscapeDataString("""{"type":"block_actions","user":{"id":"U1"},"channel":{"id":"D1"},"actions":[{"value":"{\"action\":\"forged\"}"}]}""");
            var bytes = System.Text.Encoding.UTF8.GetBytes(body);
            var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - (forgery == Forgery.StaleTimestamp ? 301 : 0);
            var signature = SlackSignatureVerifier.Sign(forgery == Forgery.WrongSecret ? "another-secret" : SlackTestApp.Secret, ts.ToString(), bytes);
            var sent = forgery == Forgery.TamperedBody ? body.Replace("forged", "forgeD") : body;
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(sent, System.Text.Encoding.UTF8, path == SlackEndpoints.EventsPath ? "application/json" : "application/x-www-form-urlencoded") };
            if (forgery != Forgery.MissingHeaders)
            {
                request.Headers.Add(SlackSignatureVerifier.TimestampHeader, ts.ToString());
                request.Headers.Add(SlackSignatureVerifier.SignatureHeader, signature);
            }

            var response = await app.Client.SendAsync(request);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("", await response.Content.ReadAsStringAsync());
        }

        await SentinelAsync();
        Assert.DoesNotContain(app.Turns, t => t.Text?.Contains("forge", StringComparison.OrdinalIgnoreCase) == true || t.Value is not null);
        Assert.DoesNotContain("slack:event:EvForged", app.ClaimedKeys);
    }

    [Theory]
    [InlineData("payload=%7Bnot-json")]
    [InlineData("payload=%5B1%2C2%5D")]
    [InlineData("nopayload=1")]
    [InlineData("payload=" + "%7B%22type%22%3A%22block_actions%22%2C%22user%22%3A%7B%22id%22%3A%22U1%22%7D%2C%22channel%22%3A%7B%22id%22%3A%22D1%22%7D%2C%22actions%22%3A%5B%7B%22value%22%3A%22not%20json%22%7D%5D%7D")]
    public async Task Malformed_interaction_payload_is_rejected_without_side_effects(string body)
    {
        var response = await app.PostSignedAsync(SlackEndpoints.InteractionsPath, body, "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("payload", (await response.Content.ReadAsStringAsync()).ToLowerInvariant().Replace("button value", "payload"));
        await SentinelAsync();
        Assert.Single(app.Turns);
    }

    [Fact]
    public async Task Malformed_event_json_is_a_permanent_failure()
    {
        var response = await app.PostEventAsync("{\"type\":\"event_callback\",");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("1", response.Headers.GetValues("X-Slack-No-Retry").Single());
        Assert.Empty(app.ClaimedKeys);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Bodies_over_256_KB_get_413_without_side_effects(bool withContentLength)
    {
        var text = new string('a', LimitedBody.MaxBytes);
        var json = DirectMessage("EvHuge", text);
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
        HttpContent content = withContentLength ? new ByteArrayContent(bytes) : new StreamContent(new NonSeekableStream(bytes));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, SlackEndpoints.EventsPath) { Content = content };
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, ts);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, SlackSignatureVerifier.Sign(SlackTestApp.Secret, ts, bytes));
        if (!withContentLength)
        {
            request.Headers.TransferEncodingChunked = true;
        }

        var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await SentinelAsync();
        Assert.Single(app.Turns);
        Assert.DoesNotContain("slack:event:EvHuge", app.ClaimedKeys);
    }

    [Fact]
    public async Task Slack_off_answers_503_with_a_clear_message()
    {
        await using var off = await SlackTestApp.StartAsync(null, new Dictionary<string, string?> { ["Slack:SigningSecret"] = "", ["Slack:BotToken"] = "" });

        var response = await off.PostEventAsync("""{"type":"url_verification","challenge":"c"}""");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Slack:SigningSecret", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Enabled_without_a_bot_token_fails_on_start_with_the_setting_named()
    {
        var ex = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            SlackTestApp.StartAsync(slack, new Dictionary<string, string?> { ["Slack:BotToken"] = "" }));

        Assert.Contains("Slack:BotToken", ex.Message);
    }
}
