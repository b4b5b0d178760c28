using System.Security.Claims;
using AspireMigration.Shared.Security;
using Dapper;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AspireMigration.Dashboard.Auth;

/// <summary>
/// Dashboard accounts in backfill.dashboard_users, hashed with ASP.NET Core Identity's hasher, with
/// a per-user lockout counter and the security stamp that every session is checked against.
/// </summary>
public sealed class DashboardUserStore(
    NpgsqlDataSource dataSource, IPasswordHasher<DashboardUser> hasher, IOptions<SignInOptions> options, ILoggerFactory loggerFactory)
{
    private readonly ILogger logger = SignInLog.Create(loggerFactory);

    private const string UserColumns =
        "user_name AS UserName, password_hash AS PasswordHash, role AS Role, security_stamp AS SecurityStamp";

    /// <summary>
    /// Checks the password and counts the failure or clears the count, under a row lock so parallel
    /// guesses cannot each see the count before the others raised it.
    /// </summary>
    public async Task<SignInAttempt> SignInAsync(string userName, string password, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<LockoutRow>(new CommandDefinition($"""
            SELECT {UserColumns}, failed_sign_ins AS FailedSignIns, coalesce(locked_until > now(), false) AS IsLockedOut
            FROM backfill.dashboard_users WHERE user_name = @userName FOR UPDATE
            """, new { userName = Normalize(userName) }, transaction, cancellationToken: cancellationToken));
        if (row is null)
        {
            // Hash anyway so an unknown name costs the same time as a wrong password.
            hasher.HashPassword(new DashboardUser(userName, "", Roles.Viewer, Guid.Empty), password);
            logger.UnknownUser();
            return new SignInAttempt(SignInOutcome.Refused);
        }
        var user = row.User;
        if (row.IsLockedOut)
        {
            logger.RefusedWhileLockedOut(user.UserName);
            return new SignInAttempt(SignInOutcome.LockedOut);
        }
        if (hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE backfill.dashboard_users SET failed_sign_ins = 0, locked_until = NULL WHERE user_name = @UserName",
                user, transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            logger.SignedIn(user.UserName, user.Role);
            return new SignInAttempt(SignInOutcome.SignedIn, user);
        }

        var failed = row.FailedSignIns + 1;
        var lockOut = failed >= options.Value.MaxFailedAttempts;
        var lockedUntil = await connection.ExecuteScalarAsync<DateTime?>(new CommandDefinition("""
            UPDATE backfill.dashboard_users
            SET failed_sign_ins = CASE WHEN @lockOut THEN 0 ELSE @failed END,
                locked_until = CASE WHEN @lockOut THEN now() + @duration ELSE NULL END
            WHERE user_name = @userName
            RETURNING locked_until
            """,
            new { user.UserName, failed, lockOut, duration = options.Value.LockoutDuration },
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        if (lockOut)
        {
            logger.LockedOut(user.UserName, lockedUntil!.Value, failed);
            return new SignInAttempt(SignInOutcome.LockedOut);
        }
        logger.WrongPassword(user.UserName, failed);
        return new SignInAttempt(SignInOutcome.Refused);
    }

    /// <summary>Whether <paramref name="principal"/>'s user still exists with the stamp its sign-in was issued with.</summary>
    public async Task<bool> IsSessionCurrentAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (principal.Identity?.Name is not { } userName || SessionClaims.StampOf(principal) is not { } stamp)
        {
            return false;
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM backfill.dashboard_users WHERE user_name = @userName AND security_stamp = @stamp)",
            new { userName, stamp }, cancellationToken: cancellationToken));
    }

    /// <summary>Ends every session of the user, in every browser, by giving it a new stamp.</summary>
    public async Task EndSessionsAsync(string userName, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE backfill.dashboard_users SET security_stamp = gen_random_uuid() WHERE user_name = @userName",
            new { userName }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Creates the user, or resets its password and role when they differ (which ends its sessions);
    /// an unchanged account keeps its stamp, so restarting the Dashboard signs nobody out.
    /// </summary>
    public async Task UpsertAsync(string userName, string password, string role, CancellationToken cancellationToken)
    {
        if (!Roles.All.Contains(role))
        {
            throw new ArgumentException($"Unknown role '{role}'; expected one of {string.Join(", ", Roles.All)}.", nameof(role));
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var existing = await connection.QuerySingleOrDefaultAsync<DashboardUser>(new CommandDefinition(
            $"SELECT {UserColumns} FROM backfill.dashboard_users WHERE user_name = @userName",
            new { userName }, cancellationToken: cancellationToken));
        if (existing is not null && existing.Role == role
            && hasher.VerifyHashedPassword(existing, existing.PasswordHash, password) == PasswordVerificationResult.Success)
        {
            return;
        }
        var hash = hasher.HashPassword(new DashboardUser(userName, "", role, Guid.Empty), password);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO backfill.dashboard_users (user_name, password_hash, role) VALUES (@userName, @hash, @role)
            ON CONFLICT (user_name) DO UPDATE SET password_hash = excluded.password_hash, role = excluded.role
            """, new { userName, hash, role }, cancellationToken: cancellationToken));
    }

    private static string Normalize(string userName) => userName.Trim().ToLowerInvariant();

    private sealed record LockoutRow(
        string UserName, string PasswordHash, string Role, Guid SecurityStamp, int FailedSignIns, bool IsLockedOut)
    {
        public DashboardUser User => new(UserName, PasswordHash, Role, SecurityStamp);
    }
}
