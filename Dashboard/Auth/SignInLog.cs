namespace AspireMigration.Dashboard.Auth;

/// <summary>
/// The audit events of sign-in, as structured log lines with stable event ids. User names are
/// logged only once they name an account: an unknown one may be a password typed in the wrong field.
/// </summary>
internal static partial class SignInLog
{
    /// <summary>The log category of every sign-in and session event, to filter the audit trail on.</summary>
    public const string Category = "AspireMigration.Dashboard.SignIn";

    public static ILogger Create(ILoggerFactory loggerFactory) => loggerFactory.CreateLogger(Category);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "{UserName} signed in as {Role}")]
    public static partial void SignedIn(this ILogger logger, string userName, string role);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning,
        Message = "Sign-in refused for {UserName}: wrong password ({FailedAttempts} in a row)")]
    public static partial void WrongPassword(this ILogger logger, string userName, int failedAttempts);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Sign-in refused for an unknown user name")]
    public static partial void UnknownUser(this ILogger logger);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning,
        Message = "{UserName} is locked out until {LockedUntil:O} after {FailedAttempts} failed sign-ins")]
    public static partial void LockedOut(this ILogger logger, string userName, DateTime lockedUntil, int failedAttempts);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Sign-in refused for {UserName}: the account is locked out")]
    public static partial void RefusedWhileLockedOut(this ILogger logger, string userName);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Sign-in attempts throttled for client {ClientAddress}")]
    public static partial void Throttled(this ILogger logger, string clientAddress);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Information, Message = "{UserName} signed out; every session of the user ended")]
    public static partial void SignedOut(this ILogger logger, string userName);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Information,
        Message = "Session of {UserName} ended: the user signed out, was given a new role or password, or was deleted")]
    public static partial void SessionRevoked(this ILogger logger, string userName);
}
