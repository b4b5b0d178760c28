using AspireMigration.Executor;
using AspireMigration.Executor.Api;
using AspireMigration.Shared.Security;

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
