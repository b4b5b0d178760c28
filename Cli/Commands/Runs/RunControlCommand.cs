using AspireMigration.ApiClients.Executor.Models;
using AspireMigration.Cli.Api;
using AspireMigration.Cli.Configuration;
using AspireMigration.Cli.Output;
using Spectre.Console;

namespace AspireMigration.Cli.Commands.Runs;

/// <summary>Pause, resume or cancel: one POST to the run's verb, asked about first when <see cref="Question"/> says the step is
/// risky.</summary>
public abstract class RunControlCommand(CliEnvironment environment) : ServiceCommand<RunIdSettings>(environment)
{
    protected abstract string Verb { get; }

    /// <summary>What to ask, from the run as it is now; null when the step needs no confirmation.</summary>
    protected virtual string? Question(RunView run) => null;

    /// <summary>The POST of the verb, with an empty body as the API takes it.</summary>
    protected abstract Task SendAsync(ServiceClient client, Guid runId, CancellationToken cancellationToken);

    protected override async Task<int> RunAsync(
        ServiceClient client, CommandOutput output, RunIdSettings settings, CancellationToken cancellationToken)
    {
        if (Question((await client.Executor.Runs[settings.RunId].GetAsync(cancellationToken: cancellationToken))!) is { } question
            && !output.Confirm(question))
        {
            return ExitCodes.Failed;
        }
        await SendAsync(client, settings.RunId, cancellationToken);
        output.Say(Markup.Escape($"Run {settings.RunId}: {Verb} accepted."));
        return ExitCodes.Done;
    }
}
