namespace AspireMigration.Shared.Api;

/// <summary>
/// The header that makes POST /api/runs safe to send again: under a key its caller used already, the run that key started
/// comes back instead of a new one.
/// </summary>
public static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";

    public const int MaxLength = 200;

    /// <summary>Visible ASCII, as the document states it.</summary>
    public const string Pattern = "^[!-~]+$";

    /// <summary>Why <paramref name="key"/> is not a usable key (1 to 200 visible ASCII characters); null when it is.</summary>
    public static string? Refusal(string key) =>
        key.Length is 0 or > MaxLength || key.Any(c => c is < '!' or > '~')
            ? $"The {Header} must be 1 to {MaxLength} visible ASCII characters (a GUID will do)."
            : null;
}
