using System.Globalization;

namespace AspireMigration.Dashboard.Components.Shared;

/// <summary>
/// How the Dashboard prints a count: grouped by thousands (1,000,018 where 1000018 is misread by a factor of ten), the same on
/// every page whatever the server's culture.
/// </summary>
public static class Figure
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
