using System.Text.RegularExpressions;

namespace AspireMigration.Shared.Database;

/// <summary>Renders LeastPrivilege.sql for a role and database whose names are checked first.</summary>
public static partial class LeastPrivilegeGrants
{
    public static string For(string role, string database) => SqlScripts.Read("LeastPrivilege.sql")
        .Replace("{role}", Quote(role, nameof(role)), StringComparison.Ordinal)
        .Replace("{database}", Quote(database, nameof(database)), StringComparison.Ordinal);

    private static string Quote(string identifier, string what) => PlainIdentifier().IsMatch(identifier)
        ? $"\"{identifier}\""
        : throw new ArgumentException(
            $"'{identifier}' is not a plain PostgreSQL identifier (lower-case letters, digits, underscores).", what);

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex PlainIdentifier();
}
