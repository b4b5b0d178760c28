using AspireMigration.Shared.Security;
using Dapper;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace AspireMigration.Dashboard.Auth;

/// <summary>Dashboard accounts in backfill.dashboard_users, hashed with ASP.NET Core Identity's hasher.</summary>
public sealed class DashboardUserStore(NpgsqlDataSource dataSource, IPasswordHasher<DashboardUser> hasher)
{
    public async Task<DashboardUser?> ValidateAsync(string userName, string password, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var user = await connection.QuerySingleOrDefaultAsync<DashboardUser>(new CommandDefinition(
            "SELECT user_name AS UserName, password_hash AS PasswordHash, role AS Role FROM backfill.dashboard_users WHERE user_name = @userName",
            new { userName = userName.Trim().ToLowerInvariant() }, cancellationToken: cancellationToken));
        if (user is null)
        {
            // Hash anyway so an unknown name costs the same time as a wrong password.
            hasher.HashPassword(new DashboardUser(userName, "", Roles.Viewer), password);
            return null;
        }
        return hasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed ? null : user;
    }

    /// <summary>Creates the user, or resets its password and role.</summary>
    public async Task UpsertAsync(string userName, string password, string role, CancellationToken cancellationToken)
    {
        if (!Roles.All.Contains(role))
        {
            throw new ArgumentException($"Unknown role '{role}'; expected one of {string.Join(", ", Roles.All)}.", nameof(role));
        }
        var hash = hasher.HashPassword(new DashboardUser(userName, "", role), password);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO backfill.dashboard_users (user_name, password_hash, role) VALUES (@userName, @hash, @role)
            ON CONFLICT (user_name) DO UPDATE SET password_hash = excluded.password_hash, role = excluded.role
            """, new { userName, hash, role }, cancellationToken: cancellationToken));
    }
}
