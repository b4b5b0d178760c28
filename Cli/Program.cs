using AspireMigration.Cli;

return await CliApp.RunAsync(args, CliEnvironment.FromProcess());
