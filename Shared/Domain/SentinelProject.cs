namespace AspireMigration.Shared.Domain;

/// <summary>
/// The project that sessions without evidence are given. SQL needs the id as text (seed scripts,
/// literals in raw strings), so the text is the source and the Guid is read from it.
/// </summary>
public static class SentinelProject
{
    public const string IdText = "00000000-0000-0000-0000-000000000000";

    public const string Name = "__unassigned__";

    public static readonly Guid Id = Guid.Parse(IdText);
}
