namespace AspireMigration.Dashboard.Auth;

public enum SignInOutcome
{
    SignedIn,

    /// <summary>Unknown user name or wrong password; which of the two is never told.</summary>
    Refused,

    /// <summary>Too many failed attempts: refused whatever the password until the lockout ends.</summary>
    LockedOut,
}
