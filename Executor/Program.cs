using AspireMigration.Executor;
using AspireMigration.Executor.Api;
using AspireMigration.Shared.Api;
using AspireMigration.Shared.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddBuildTimeDocumentSettings();

builder.AddServiceDefaults();
builder.AddServiceApiSecurity();
builder.AddExecutor();
builder.AddServiceApi();

var app = builder.Build();

app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.UseServiceApi();
app.MapRunEndpoints();

await app.RunAsync();
return 0;
