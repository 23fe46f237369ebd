// CreditPolicy window service: a sample of embedding CreditPolicy in ASP.NET Core (README.md beside this file).
using System.IO;
using CreditPolicy.Extensions.DependencyInjection;
using CreditPolicy.Output;
using CreditPolicy.Rules;
using CreditPolicy.WindowService;
using CreditPolicy.WindowService.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NodaTime;

var builder = WebApplication.CreateBuilder(args);

builder.Services.TryAddSingleton<IClock>(SystemClock.Instance);
builder.Services.AddCreditPolicy();
builder.Services.AddOptions<CreditPolicyOptions>()
    .Bind(builder.Configuration.GetSection("CreditPolicy"))
    .PostConfigure<IHostEnvironment>((o, environment) =>
    {
        o.RuleFile = o.RuleFile is null ? null : Path.GetFullPath(Path.Combine(environment.ContentRootPath, o.RuleFile));
        o.AgencyFile = o.AgencyFile is null ? null : Path.GetFullPath(Path.Combine(environment.ContentRootPath, o.AgencyFile));

        // The rule file policy staff edit: on first start, a copy of the shipped rules. Edits are served once
        // saved; a broken edit keeps the last good rule set and /health says Degraded.
        if (o.RuleFile is not null && !File.Exists(o.RuleFile))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(o.RuleFile)!);
            File.WriteAllBytes(o.RuleFile, RuleSet.JiaCounty2022No8File());
        }
    });
builder.Services.AddHealthChecks().AddCreditPolicy();
builder.Services.AddOptions<WindowServiceOptions>().Bind(builder.Configuration.GetSection("WindowService")).ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<WindowServiceOptions>, WindowServiceOptionsValidator>();
builder.Services.AddSingleton<AuditTrail>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<AuditTrail>());
builder.Services.AddProblemDetails();
builder.Services.ConfigureHttpJsonOptions(o => CreditPolicyJson.AddConverters(o.SerializerOptions).Encoder = CreditPolicyJson.Options.Encoder);

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages(); // an error with no body (405, 404, …) gets problem details too
app.UseMiddleware<AuditMiddleware>();

app.MapPost("/evaluate", EvaluateEndpoint.Handle).AddEndpointFilter<AuditFilter>();
app.MapPost("/letters", LetterEndpoint.Handle).AddEndpointFilter<AuditFilter>();
app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });

await app.RunAsync();
