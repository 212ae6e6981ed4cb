using EmpathyBot.Core.Statistics;

namespace EmpathyBot.Core.Tests.Statistics;

public class KrippendorffTests
{
    // Oracle: /tmp numpy transcription of the krippendorff package's alpha() (coincidence matrix, value domain =
    // np.unique of the data, ordinal delta from pairable value counts n_v). Published values agree to the printed digits.

    // Krippendorff (2011) "Computing Krippendorff's alpha-reliability", 4 coders x 12 units: .743 / .815 / .849.
    private static readonly double?[][] Krippendorff2011 =
    [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
        [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    ];

    // fast-krippendorff's own test data (3 coders x 15 units), the source of the published 0.691358 / 0.810845.
    private static readonly double?[][] FastKrippendorff =
    [
        [null, null, null, null, null, 3, 4, 1, 2, 1, 1, 3, 3, null, 3],
        [1, null, 2, 1, 3, 3, 4, 3, null, null, null, null, null, null, null],
        [null, null, 2, 1, 3, 4, 4, null, 2, 1, 1, 3, 3, null, 4],
    ];

    [Theory]
    [InlineData(KrippendorffLevel.Nominal, 0.743421052631579)]
    [InlineData(KrippendorffLevel.Ordinal, 0.8153875037548814)] // the published "0.815"
    [InlineData(KrippendorffLevel.Interval, 0.8491071428571428)]
    public void Alpha_Krippendorff2011(KrippendorffLevel level, double expected)
    {
        Approx.Equal(expected, Krippendorff.Alpha(Krippendorff2011, level));
    }

    [Theory]
    [InlineData(KrippendorffLevel.Nominal, 0.691358024691358)] // the published "0.691358"
    [InlineData(KrippendorffLevel.Ordinal, 0.8067214199413153)]
    [InlineData(KrippendorffLevel.Interval, 0.8108448928121059)] // the published "0.810845"
    public void Alpha_FastKrippendorffData(KrippendorffLevel level, double expected)
    {
        Approx.Equal(expected, Krippendorff.Alpha(FastKrippendorff, level));
    }

    // Good=3/Okay=2/Bad=1 counts per reply; the last-but-two unit has a single rating and is not pairable.
    // Oracle: the numpy reference's alpha_counts(domain=[1, 2, 3], value_counts) on the same counts.
    [Theory]
    [InlineData(KrippendorffLevel.Nominal, 0.31355932203389825)]
    [InlineData(KrippendorffLevel.Ordinal, 0.3625847836374153)]
    [InlineData(KrippendorffLevel.Interval, 0.38167938931297707)]
    public void AlphaFromCounts_MatchesReference(KrippendorffLevel level, double expected)
    {
        IReadOnlyDictionary<double, int>[] units =
        [
            new Dictionary<double, int> { [3] = 2, [2] = 1 },
            new Dictionary<double, int> { [1] = 3 },
            new Dictionary<double, int> { [3] = 1, [2] = 1, [1] = 1 },
            new Dictionary<double, int> { [2] = 2 },
            new Dictionary<double, int> { [3] = 3 },
            new Dictionary<double, int> { [1] = 1 },
            new Dictionary<double, int> { [3] = 1, [1] = 2 },
            new Dictionary<double, int> { [2] = 1, [3] = 1 },
        ];

        Approx.Equal(expected, Krippendorff.AlphaFromCounts(units, level));
    }

    [Fact]
    public void Alpha_NoVariation_IsNaN()
    {
        double?[][] data = [[2, 2, 2], [2, 2, null]];

        Assert.Equal(double.NaN, Krippendorff.Alpha(data, KrippendorffLevel.Nominal));
    }

    [Fact]
    public void Alpha_PerfectAgreement_IsOne()
    {
        double?[][] data = [[1, 2, 3, 1], [1, 2, 3, 1]];

        Assert.Equal(1.0, Krippendorff.Alpha(data, KrippendorffLevel.Ordinal), 12);
    }

    [Fact]
    public void Alpha_RaggedMatrix_Throws()
    {
        double?[][] data = [[1, 2, 3], [1, 2]];

        Assert.Throws<ArgumentException>(() => Krippendorff.Alpha(data, KrippendorffLevel.Nominal));
    }
}
