namespace AspireMigration.Bench;

/// <summary>
/// The Executor and the command line as their project references built them, each in its own bin folder (same configuration and
/// framework as the caller): there they have their runtime configuration, dependency manifest and settings, so `dotnet` can start
/// them as processes.
/// </summary>
public static class BuiltAssemblies
{
    public static string Executor { get; } = Locate("Executor", "AspireMigration.Executor.dll");

    public static string Cli { get; } = Locate("Cli", "aspire-migration.dll");

    // The caller runs from …/<project>/bin/<configuration>/<tfm>/; a project's output is …/<project>/bin/<configuration>/<tfm>/.
    private static string Locate(string project, string assembly)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory);
        var (tfm, configuration) = (output.Name, output.Parent!.Name);
        var root = output;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "AspireMigration.sln")))
        {
            root = root.Parent;
        }
        return root is null
            ? throw new InvalidOperationException(
                $"No AspireMigration.sln above {AppContext.BaseDirectory}: {project} is started from the checkout's build.")
            : Path.Combine(root.FullName, project, "bin", configuration, tfm, assembly);
    }
}
