namespace AspireMigration.Dashboard.Auth;

/// <param name="User">The signed-in user, only when <paramref name="Outcome"/> is <see cref="SignInOutcome.SignedIn"/>.</param>
public sealed record SignInAttempt(SignInOutcome Outcome, DashboardUser? User = null);
