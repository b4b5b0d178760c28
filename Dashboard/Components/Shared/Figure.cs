using System.Globalization;

namespace AspireMigration.Dashboard.Components.Shared;

/// <summary>
/// How the Dashboard prints a count: grouped by thousands (1,000,018 where 1000018 is misread by a factor of ten), the same on
/// every page whatever the server's culture.
/// </summary>
public static class Figure
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>
    /// One rounding for every duration a page prints beside another: the chart's "longest" and the ledger's row of the same
    /// batch once read 16 ms and 17 ms (banker's rounding against the format string's half away from zero).
    /// </summary>
    public static string Milliseconds(double value) => Count((long)Math.Round(value, MidpointRounding.AwayFromZero)) + " ms";
}
