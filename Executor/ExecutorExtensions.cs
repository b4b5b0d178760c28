using AspireMigration.Executor.Api;
using AspireMigration.Executor.Outbox;
using AspireMigration.Executor.Pacing;
using AspireMigration.Executor.Persistence;
using AspireMigration.Executor.Recovery;
using AspireMigration.Executor.Saga;
using AspireMigration.Executor.Steps;
using AspireMigration.Executor.Telemetry;
using AspireMigration.Shared.Alerts;
using AspireMigration.Shared.Contracts.Runs;
using AspireMigration.Shared.Database;
using AspireMigration.Shared.Messaging;
using MassTransit;

namespace AspireMigration.Executor;

public static class ExecutorExtensions
{
    /// <summary>
    /// The MigrationRun saga (persisted in PostgreSQL with its transactional outbox and relay), its step
    /// consumers, the stalled-run reconciler, the audit trail and the API's services. Every endpoint
    /// retries with exponential backoff; the steps hold their answers in an in-memory outbox until the
    /// message was handled, so a retried step never publishes twice.
    /// </summary>
    public static TBuilder AddExecutor<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddApplicationDatabase();
        builder.AddAlerts();
        builder.AddDatabaseHealthProbe();
        builder.Services.AddOptions<ExecutorOptions>().BindConfiguration(ExecutorOptions.Section);
        var options = builder.Configuration.GetSection(ExecutorOptions.Section).Get<ExecutorOptions>() ?? new ExecutorOptions();
        if (options.Retries < 1)
        {
            throw new InvalidOperationException(
                $"{ExecutorOptions.Section}:{nameof(ExecutorOptions.Retries)} is {options.Retries}; it must be at least 1.");
        }

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PreFlightStep>();
        builder.Services.AddSingleton<BackupStep>();
        builder.Services.AddSingleton<BatchMigrator>();
        builder.Services.AddSingleton<RunValidator>();
        builder.Services.AddSingleton<RollbackStep>();
        builder.Services.AddSingleton<DryRunner>();
        builder.Services.AddSingleton<ExecutorMetrics>();
        builder.Services.AddSingleton<BackupRetention>();
        builder.Services.AddSingleton<RollbackGuard>();
        builder.Services.AddSingleton<RetryGuard>();
        builder.Services.AddScoped<RunQueries>();
        builder.Services.AddScoped<RunRequests>();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddOptions<DispatchGateOptions>().BindConfiguration(DispatchGateOptions.Section);
        builder.Services.AddSingleton<DispatchGate>();
        // Serve the API only once the queues are bound: a command published earlier would reach no consumer.
        builder.Services.Configure<MassTransitHostOptions>(host => host.WaitUntilStarted = true);

        var endpoints = string.IsNullOrWhiteSpace(options.EndpointPrefix) ? null : new ExecutorEndpoints(options.EndpointPrefix);
        builder.AddMessaging(bus =>
        {
            if (endpoints is not null)
            {
                bus.SetEndpointNameFormatter(endpoints);
            }
            bus.AddSagaStateMachine<MigrationRunStateMachine, MigrationRunState>().PostgresRepository("backfill.run_sagas");
            foreach (var consumer in ExecutorEndpoints.Consumers)
            {
                bus.AddConsumer(consumer);
            }
            bus.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                endpoint.UseMessageRetry(
                    retry => retry.Exponential(
                        options.Retries, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(250)));
                endpoint.UseInMemoryOutbox(context);
                // Only run messages carry a RunId; faults and other messages pass by without a scope.
                endpoint.UseConsumeFilter(
                    typeof(RunLogScopeFilter<>), context, filter => filter.Include(type => type.IsAssignableTo(typeof(IRunMessage))));
                if (options.TemporaryEndpoints && endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    rabbit.AutoDelete = true;
                }
            });
        }, (_, rabbit) => endpoints?.PrefixMessageExchanges(rabbit.MessageTopology));
        // Hosted services start in order, and the bus's waits until its queues are bound: registered after it, the
        // relay and the reconciler never publish before this Executor's own queues can receive what they send.
        builder.Services.AddHostedService<OutboxRelay>();
        builder.Services.AddHostedService<StalledRunReconciler>();
        builder.Services.AddHostedService<PacingRecheckService>();
        return builder;
    }
}
