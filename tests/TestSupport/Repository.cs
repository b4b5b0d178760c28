namespace AspireMigration.TestSupport;

/// <summary>The checkout the tests were built from, found by its solution file above the test binaries.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AspireMigration.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("AspireMigration.sln not found above " + AppContext.BaseDirectory);
    }
}
