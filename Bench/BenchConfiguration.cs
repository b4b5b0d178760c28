namespace AspireMigration.Bench;

/// <summary>
/// A verb's options as configuration: environment variables (ConnectionStrings__appdb) overridden by
/// "--name value" pairs; a "--flag" followed by nothing or by another option reads as "--flag true".
/// </summary>
public static class BenchConfiguration
{
    public static IConfiguration Build(IReadOnlyList<string> args)
    {
        var pairs = args.Select((arg, i) =>
            arg.StartsWith("--", StringComparison.Ordinal) && !arg.Contains('=', StringComparison.Ordinal)
                && (i + 1 == args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                ? arg + "=true"
                : arg);
        return new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(pairs.ToArray()).Build();
    }

    /// <summary>Comma-separated sizes, each within <paramref name="min"/>..<paramref name="max"/>.</summary>
    public static IReadOnlyList<int> Sizes(IConfiguration configuration, string name, string fallback, int min, int max) =>
        (configuration[name] ?? fallback).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(
                s, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n)
                && n >= min && n <= max
                ? n
                : throw new ArgumentOutOfRangeException(
                    name, s, $"--{name} takes sizes between {min} and {max}, comma-separated; '{s}' is not one."))
            .ToList();

    /// <summary>--trials: how many measured runs a figure is the median of, 1 or more.</summary>
    public static int Trials(IConfiguration configuration, int fallback)
    {
        var trials = configuration.GetValue("trials", fallback);
        return trials >= 1 ? trials : throw new ArgumentOutOfRangeException("trials", trials, "--trials counts measured runs: 1 or more.");
    }

    /// <summary>The server the scratch databases are created on.</summary>
    public static string Server(IConfiguration configuration) =>
        configuration.GetConnectionString("appdb")
        ?? throw new ArgumentException("Set ConnectionStrings__appdb (or --ConnectionStrings:appdb).");

    /// <summary>The broker the Executor runs on.</summary>
    public static string Messaging(IConfiguration configuration) =>
        configuration.GetConnectionString("messaging")
        ?? throw new ArgumentException("Set ConnectionStrings__messaging (or --ConnectionStrings:messaging).");
}
