using System.Globalization;

namespace AspireMigration.Executor.Api;

/// <summary>?page=&amp;pageSize= as a list endpoint takes them: page from 1, at most <see cref="MaxPageSize"/> rows.</summary>
public sealed record PageRequest(int Page, int PageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 1000;

    /// <summary>
    /// Parsed here rather than bound as int?: a malformed number then gets the same ProblemDetails
    /// naming the parameter as an out-of-range one, not binding's bare 400.
    /// </summary>
    public static PageRequest? TryParse(string? page, string? pageSize, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var pageNumber = Parse(page, 1, int.MaxValue, nameof(page), "The page must be a whole number, 1 or more.", errors);
        var size = Parse(pageSize, DefaultPageSize, MaxPageSize, nameof(pageSize),
            $"The page size must be a whole number between 1 and {MaxPageSize}.", errors);
        return errors.Count == 0 ? new PageRequest(pageNumber, size) : null;
    }

    private static int Parse(string? value, int fallback, int max, string name, string message, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return fallback;
        }
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= max)
        {
            return number;
        }
        errors[name] = [message];
        return fallback;
    }
}
