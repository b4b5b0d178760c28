using System.Reflection;

namespace AspireMigration.Shared.Database;

/// <summary>Reads the SQL scripts embedded in this assembly, so SQL stays in .sql files.</summary>
public static class SqlScripts
{
    private const string MigrationsPrefix = "AspireMigration.Shared.Database.Migrations.";

    public static string Read(string fileName)
    {
        var resource = Assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith("." + fileName, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"SQL script '{fileName}' is not embedded in {Assembly.GetName().Name}.");
        return ReadResource(resource);
    }

    /// <summary>The tool schema migrations in the order their numbered names give.</summary>
    public static IEnumerable<(string Name, string Sql)> Migrations() =>
        Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(MigrationsPrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n[MigrationsPrefix.Length..], ReadResource(n)));

    private static Assembly Assembly => typeof(SqlScripts).Assembly;

    private static string ReadResource(string resource)
    {
        using var stream = Assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
