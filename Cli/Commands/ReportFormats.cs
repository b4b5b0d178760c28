using Spectre.Console;

namespace AspireMigration.Cli.Commands;

/// <summary>The report formats both services render, checked before anything is asked of them.</summary>
public static class ReportFormats
{
    public static readonly string[] All = ["json", "csv", "md"];

    public static ValidationResult Validate(string? format) =>
        format is null || All.Contains(format)
            ? ValidationResult.Success()
            : ValidationResult.Error($"--format must be one of {string.Join(", ", All)}, not '{format}'.");

    /// <summary>The explicit format, else the output file's extension when it names one, else JSON; as the generated client's
    /// <typeparamref name="TFormat"/> (each report endpoint has its own, with the same members).</summary>
    public static TFormat Choose<TFormat>(string? format, string? file) where TFormat : struct, Enum =>
        Enum.Parse<TFormat>(
            format ?? (Path.GetExtension(file)?.TrimStart('.') is { } extension && All.Contains(extension) ? extension : "json"),
            ignoreCase: true);
}
