using System.Globalization;

namespace AspireMigration.Shared.Domain;

/// <summary>
/// A confidence as an operator reads it: to four places, as reports print it, or to as many more as it takes to stay on
/// its own side of every threshold. 1808 of 2008 evidence events (prior 1) is 1808/2009 = 0.89995, tentative: "0.9000"
/// beside a 0.90 threshold would say confident.
/// </summary>
public static class ConfidenceText
{
    private const int Places = 4;

    public static string Of(decimal confidence, params ReadOnlySpan<decimal> thresholds)
    {
        // decimal carries at most 28 places: the value itself is on its own side by definition.
        for (var places = Places; places < 28; places++)
        {
            var shown = Math.Round(confidence, places, MidpointRounding.AwayFromZero);
            if (!CrossesAny(confidence, shown, thresholds))
            {
                return shown.ToString("F" + places, CultureInfo.InvariantCulture);
            }
        }
        return confidence.ToString(CultureInfo.InvariantCulture);
    }

    private static bool CrossesAny(decimal confidence, decimal shown, ReadOnlySpan<decimal> thresholds)
    {
        foreach (var threshold in thresholds)
        {
            if (confidence >= threshold != shown >= threshold)
            {
                return true;
            }
        }
        return false;
    }
}
