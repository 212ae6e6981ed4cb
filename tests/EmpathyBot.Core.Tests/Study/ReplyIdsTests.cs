using EmpathyBot.Core.Study;

namespace EmpathyBot.Core.Tests.Study;

public sealed class ReplyIdsTests
{
    [Fact]
    public void People_gold_and_contender_ids_share_one_shape_and_never_repeat()
    {
        var contender = ReplyIds.Contender(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("key"u8)));
        var ids = Enumerable.Range(0, 200).Select(_ => ReplyIds.NewHuman()).Concat(Enumerable.Range(0, 200).Select(_ => ReplyIds.NewGold())).Append(contender).ToList();
        Assert.All(ids, id => Assert.Matches("^r-[0-9a-f]{24}$", id));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void A_contender_id_is_derived_from_its_cache_key()
    {
        var key = new string('a', 40) + new string('b', 24);
        Assert.Equal("r-" + new string('a', 24), ReplyIds.Contender(key));
        Assert.Equal(ReplyIds.Contender(key), ReplyIds.Contender(key));
    }

    [Theory]
    [InlineData("h-0123456789abcdef", true)]
    [InlineData("m-0123456789abcdef01234567", true)]
    [InlineData("imported response 17", true)]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("h-01\n23", false)]
    public void Well_formed_ids_are_short_and_printable(string? id, bool expected) => Assert.Equal(expected, ReplyIds.IsWellFormed(id));

    [Fact]
    public void An_overlong_id_is_not_well_formed() => Assert.False(ReplyIds.IsWellFormed(new string('x', ReplyIds.MaxLength + 1)));
}
