using AspireMigration.Cli.Api;
using AspireMigration.Cli.Commands;
using AspireMigration.Cli.Commands.Backups;
using AspireMigration.Cli.Commands.Plans;
using AspireMigration.Cli.Commands.Runs;
using Microsoft.Kiota.Abstractions;
using Spectre.Console.Cli;

namespace AspireMigration.Cli;

/// <summary>The command tree and the mapping of every way a command can end to an exit code (see <see cref="ExitCodes"/>).</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("aspire-migration");
            config.Settings.Registrar.RegisterInstance(environment);
            config.ConfigureConsole(Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
            {
                Out = new Spectre.Console.AnsiConsoleOutput(environment.Out),
            }));
            config.PropagateExceptions();
            config.AddBranch("plans", plans =>
            {
                plans.SetDescription("Analyse, review and approve plans");
                plans.AddCommand<AnalyzePlanCommand>("analyze");
                plans.AddCommand<ListPlansCommand>("list");
                plans.AddCommand<ShowPlanCommand>("show");
                plans.AddCommand<DecidePlanCommand>("decide");
                plans.AddCommand<ApprovePlanCommand>("approve");
            });
            config.AddBranch("runs", runs =>
            {
                runs.SetDescription("Start, follow, control and roll back runs");
                runs.AddCommand<StartRunCommand>("start");
                runs.AddCommand<ListRunsCommand>("list");
                runs.AddCommand<ShowRunCommand>("show");
                runs.AddCommand<WatchRunCommand>("watch");
                runs.AddCommand<PauseRunCommand>("pause");
                runs.AddCommand<ResumeRunCommand>("resume");
                runs.AddCommand<CancelRunCommand>("cancel");
                runs.AddCommand<RollbackRunCommand>("rollback");
                runs.AddCommand<RetryRunCommand>("retry");
                runs.AddCommand<PaceRunCommand>("pace");
                runs.AddCommand<AuditRunCommand>("audit");
                runs.AddCommand<RunReportCommand>("report");
            });
            config.AddBranch("backups", backups =>
            {
                backups.SetDescription("Run backups");
                backups.AddCommand<ListBackupsCommand>("list");
                backups.AddCommand<DropBackupCommand>("drop");
            });
            config.AddCommand<HealthCommand>("health");
        });

        try
        {
            return await app.RunAsync(args, cancellationToken);
        }
        catch (Exception e) when (e is CommandAppException or CliUsageException)
        {
            await environment.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (ServiceUnreachableException e)
        {
            await environment.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Unreachable;
        }
        catch (ApiException e)
        {
            await environment.Error.WriteLineAsync($"error: {ApiProblems.Describe(e)}");
            // A 400 is the service rejecting a value the command line gave it.
            return e.Status() == System.Net.HttpStatusCode.BadRequest ? ExitCodes.Usage : ExitCodes.Failed;
        }
        catch (IOException e)
        {
            await environment.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Failed;
        }
    }
}
