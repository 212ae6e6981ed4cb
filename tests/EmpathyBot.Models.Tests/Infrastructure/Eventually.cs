namespace EmpathyBot.Models.Tests.Infrastructure;

/// <summary>Waits for background work by polling a condition until a deadline, never by sleeping a fixed time.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string because, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, because);
            await Task.Delay(25);
        }
    }
}
