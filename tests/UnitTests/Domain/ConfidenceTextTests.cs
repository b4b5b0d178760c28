using System.Globalization;
using AspireMigration.Shared.Domain;

namespace AspireMigration.UnitTests.Domain;

/// <summary>A printed confidence is on the same side of every threshold as the confidence it prints.</summary>
public sealed class ConfidenceTextTests
{
    private static readonly decimal[] Defaults = [0.9m, 0.6m];

    [Theory]
    [InlineData(2, 3, "0.6667")]
    [InlineData(9, 10, "0.9000")]
    [InlineData(1, 1, "1.0000")]
    [InlineData(0, 1, "0.0000")]
    // Four places would print 0.9000 and 0.6000 for these tentative and manual-review confidences.
    [InlineData(1808, 2009, "0.89995")]
    [InlineData(2401, 4002, "0.59995")]
    [InlineData(179_999, 200_001, "0.89999")]
    public void Prints_four_places_unless_they_would_cross_a_threshold(int k, int m, string expected) =>
        Assert.Equal(expected, ConfidenceText.Of((decimal)k / m, Defaults));

    [Fact]
    public void A_confidence_at_a_threshold_of_more_places_is_printed_at_or_above_it() =>
        Assert.Equal("0.66665", ConfidenceText.Of(0.666645m, 0.66664m));

    [Fact]
    public void Every_quotient_next_to_the_default_thresholds_prints_on_its_own_side()
    {
        // k / (n + prior 1) for every evidence count up to 100,000 and the three k nearest each threshold: the only
        // quotients four places could carry across one.
        for (var m = 1; m <= 100_000; m++)
        {
            foreach (var threshold in Defaults)
            {
                var nearest = (int)(threshold * m);
                for (var k = Math.Max(0, nearest - 1); k <= Math.Min(m, nearest + 1); k++)
                {
                    var confidence = (decimal)k / m;
                    var printed = decimal.Parse(ConfidenceText.Of(confidence, Defaults), CultureInfo.InvariantCulture);
                    Assert.True(printed >= threshold == confidence >= threshold, $"{k}/{m} = {confidence} printed {printed}");
                }
            }
        }
    }
}
