namespace AspireMigration.Bench;

/// <summary>
/// The Executor as its project reference built it, in its own bin folder (same configuration and framework as the
/// caller): there it has its runtime configuration, dependency manifest and settings, so `dotnet` can start it as a process.
/// </summary>
public static class BuiltExecutor
{
    public static string AssemblyPath { get; } = Locate();

    // The caller runs from …/<project>/bin/<configuration>/<tfm>/; the Executor's output is …/Executor/bin/<configuration>/<tfm>/.
    private static string Locate()
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
                $"No AspireMigration.sln above {AppContext.BaseDirectory}: the Executor is started from the checkout's build.")
            : Path.Combine(root.FullName, "Executor", "bin", configuration, tfm, "AspireMigration.Executor.dll");
    }
}
