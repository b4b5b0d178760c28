using System.Globalization;

namespace AspireMigration.Shared.Domain;

/// <summary>
/// How a duration in milliseconds is printed wherever the same one may show twice (the run page's chart, batch ledger and
/// timeline; <c>runs audit</c>): grouped by thousands, rounded half away from zero. The chart once rounded half to even and
/// the ledger away from zero, so one batch read 16 ms and 17 ms on one page.
/// </summary>
public static class DurationText
{
    public static string Milliseconds(double value) =>
        Math.Round(value, MidpointRounding.AwayFromZero).ToString("N0", CultureInfo.InvariantCulture) + " ms";
}
