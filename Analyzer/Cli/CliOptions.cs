namespace AspireMigration.Analyzer.Cli;

/// <summary>
/// A small parser for "--name value" options and "--flag" switches: one verb with a handful of
/// options do not justify a command-line framework.
/// </summary>
public sealed class CliOptions
{
    private readonly Dictionary<string, string?> values = new(StringComparer.Ordinal);

    private CliOptions()
    {
    }

    public static CliOptions Parse(IReadOnlyList<string> args, IReadOnlySet<string> valueOptions, IReadOnlySet<string> switches)
    {
        var options = new CliOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (switches.Contains(name))
            {
                options.values[name] = null;
            }
            else if (valueOptions.Contains(name))
            {
                if (i + 1 >= args.Count)
                {
                    throw new CliUsageException($"{name} needs a value.");
                }
                options.values[name] = args[++i];
            }
            else
            {
                throw new CliUsageException($"Unknown option '{name}'.");
            }
        }
        return options;
    }

    public bool Has(string name) => values.ContainsKey(name);

    public string? Get(string name) => values.GetValueOrDefault(name);

    public string Require(string name) =>
        string.IsNullOrWhiteSpace(Get(name)) ? throw new CliUsageException($"{name} is required.") : Get(name)!;
}
