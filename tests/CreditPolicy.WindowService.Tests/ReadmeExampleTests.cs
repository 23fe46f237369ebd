using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using CreditPolicy.Extensions.DependencyInjection;
using CreditPolicy.Output;
using CreditPolicy.Profiles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace CreditPolicy.WindowService.Tests;

/// <summary>The README's ASP.NET Core example, kept compiling and working: a profile bound from the body through <see cref="ProfileJsonConverter"/>, a decision written through <see cref="DecisionJsonConverter"/>.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public async Task Readme_AspNetCore_example_binds_profiles_and_writes_the_contracts_decisions()
    {
        var folder = Directory.CreateTempSubdirectory("creditpolicy-readme-").FullName;
        var ruleFile = Path.Combine(folder, "jia-county-2022-8.json");
        await File.WriteAllTextAsync(ruleFile, WindowServiceFactory.Shipped);
        try
        {
            var builder = WebApplication.CreateBuilder();
            builder.WebHost.UseTestServer();
            builder.Services.AddSingleton<IClock>(new FakeClock(WindowServiceFactory.Now));

            builder.Services.AddCreditPolicy(o => { o.RuleFile = ruleFile; o.Language = "zh"; });
            builder.Services.AddHealthChecks().AddCreditPolicy();
            builder.Services.ConfigureHttpJsonOptions(o => CreditPolicyJson.AddConverters(o.SerializerOptions)); // the contract's JSON
            await using var app = builder.Build();
            app.MapPost("/evaluate", (CreditProfile profile, ICreditPolicyEvaluator policy) => policy.Evaluate(profile));
            app.MapHealthChecks("/health");

            await app.StartAsync();
            using var client = app.GetTestClient();
            var example = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "profile.example.json"));
            using var response = await client.PostAsync(new Uri("/evaluate", UriKind.Relative), new StringContent(example, Encoding.UTF8, "application/json"));
            using var broken = await client.PostAsync(new Uri("/evaluate", UriKind.Relative), new StringContent("{\"subject\":{}}", Encoding.UTF8, "application/json"));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var decision = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("2026-11-27", decision.RootElement.GetProperty("asOf").GetString());
            Assert.Equal("incentive.integrity-publicity", decision.RootElement.GetProperty("measures")[0].GetProperty("code").GetString());
            Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
            Assert.Equal("Healthy", await client.GetStringAsync(new Uri("/health", UriKind.Relative)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
