var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddExecutor();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapRunEndpoints();

app.Run();
