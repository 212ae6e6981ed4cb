using EmpathyBot.Core.Study;

namespace EmpathyBot.Core.Tests.Study;

/// <summary>
/// Pinned values: the appraisal's item orders and the baseline's reply picks are reproduced from these hashes, so a
/// change to either function would silently change what a rerun asks or answers.
/// </summary>
public sealed class StableHashTests
{
    [Theory]
    [InlineData("", 17)]
    [InlineData("default", 1107808528)]
    [InlineData("sit-anger-01", -345820121)]
    [InlineData("U123\nD456", 39734669)]
    public void Polynomial_is_pinned(string text, int expected) => Assert.Equal(expected, StableHash.Polynomial(text));

    [Theory]
    [InlineData("core-0001", 2812150240263787949UL)]
    [InlineData("p1", 2556057594679608822UL)]
    public void Sha256_is_pinned(string text, ulong expected) => Assert.Equal(expected, StableHash.Sha256(text));
}
