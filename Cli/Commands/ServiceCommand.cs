using AspireMigration.Cli.Api;
using AspireMigration.Cli.Configuration;
using AspireMigration.Cli.Output;
using Spectre.Console.Cli;

namespace AspireMigration.Cli.Commands;

/// <summary>A command that talks to the services: resolves the connection, then runs with a client and an output.</summary>
public abstract class ServiceCommand<TSettings>(CliEnvironment environment) : AsyncCommand<TSettings> where TSettings : GlobalSettings
{
    public override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Interactive && !environment.HasTerminal)
        {
            throw new CliUsageException("--interactive needs a terminal; in a script or pipeline pass --yes instead.");
        }
        using var client = new ServiceClient(ConnectionResolver.Resolve(settings, environment));
        return await RunAsync(client, new CommandOutput(settings, environment), settings, cancellationToken);
    }

    protected CliEnvironment Environment => environment;

    protected abstract Task<int> RunAsync(
        ServiceClient client, CommandOutput output, TSettings settings, CancellationToken cancellationToken);
}
