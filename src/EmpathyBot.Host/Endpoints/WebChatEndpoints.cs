using EmpathyBot.Channels.DirectLine;
using EmpathyBot.Conversation;
using EmpathyBot.Conversation.Engine;
using EmpathyBot.Conversation.Flows;
using Microsoft.Extensions.Options;

namespace EmpathyBot.Host.Endpoints;

public static class WebChatEndpoints
{
    /// <summary>
    /// The answer of <c>POST /webchat/token</c>: a Direct Line token bound to <c>userId</c>, the credential to come back as
    /// them, the longest reply the study takes, for the page's character count, and whether this participant may see the
    /// study's results now (<c>Study:ShowResults</c>), for the page's links to the dashboard.
    /// </summary>
    public sealed record WebChatToken(string ConversationId, string Token, int Expires_in, string UserId, string Resume, int MaxReplyLength, bool ShowResults);

    /// <summary>
    /// The built-in page's token server: the page is ours, so it needs no Direct Line secret. The server decides
    /// who the participant is: a new id, or the one a genuine <c>resume</c> credential carries. A client cannot
    /// choose an id (<c>user</c> is refused), so nobody can speak as somebody else. The panel ids of the study link ride
    /// in the signed token until the participant consents; they never choose the identity.
    /// </summary>
    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder app)
    {
        app.MapPost("/webchat/token", Token);
        return app;
    }

    private static async Task<IResult> Token(
        HttpRequest request, DirectLineTokens tokens, WebChatResume resumes, IOptions<StudyOptions> study, Participants participants, ResultsAccess results,
        ILoggerFactory logs)
    {
        if (request.Query.ContainsKey("user"))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
                detail: "The server chooses the participant id; 'user' is not accepted. Send 'resume' from an earlier answer to continue as the same person.");
        }

        var userId = request.Query.TryGetValue("resume", out var resume) ? resumes.Verify(resume.ToString()) : DirectLineTokens.NewUserId();
        if (userId is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized,
                detail: "The resume credential is not valid (forged, damaged or expired); start without it to begin as a new participant.");
        }

        var conversationId = DirectLineTokens.NewConversationId();
        var showResults = await results.ShownToAsync(participants.KeyOf(DirectLineBot.Channel, userId), request.HttpContext.RequestAborted);
        var recruitment = RecruitmentQuery.Read(request.Query, logs.CreateLogger(nameof(WebChatEndpoints)));
        return TypedResults.Ok(new WebChatToken(conversationId, tokens.Issue(conversationId, userId, recruitment), tokens.LifetimeSeconds, userId,
            resumes.Issue(userId), study.Value.MaxReplyLength, showResults));
    }
}
