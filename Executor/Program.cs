using AspireMigration.Executor.Api;
using AspireMigration.Executor.Bench;

if (args.FirstOrDefault() == "bench")
{
    return await ExecutorBenchmark.RunAsync(args[1..], Console.Out);
}

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceApiSecurity();
builder.AddExecutor();

var app = builder.Build();

app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapRunEndpoints();

await app.RunAsync();
return 0;
