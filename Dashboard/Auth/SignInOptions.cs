namespace AspireMigration.Dashboard.Auth;

/// <summary>The sign-in form's brute-force limits and its hint ("Dashboard:SignIn").</summary>
public sealed class SignInOptions
{
    public const string Section = "Dashboard:SignIn";

    /// <summary>Failed attempts in a row after which the account is locked.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Sign-in posts accepted per client address and <see cref="RateLimitWindow"/>, whatever the user names.</summary>
    public int RateLimitPermits { get; set; } = 20;

    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Shown under the form; the AppHost sets it to tell where its demo accounts' password is.</summary>
    public string? DemoHint { get; set; }
}
