namespace AspireMigration.Dashboard.Auth;

/// <summary>Brute-force limits of the sign-in form ("Dashboard:SignIn").</summary>
public sealed class SignInOptions
{
    public const string Section = "Dashboard:SignIn";

    /// <summary>Failed attempts in a row after which the account is locked.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Sign-in posts accepted per client address and <see cref="RateLimitWindow"/>, whatever the user names.</summary>
    public int RateLimitPermits { get; set; } = 20;

    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);
}
