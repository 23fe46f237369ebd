using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace CreditPolicy.WindowService.Tests;

/// <summary>Policy staff edit the rule file on disk: the new version is served; a broken edit keeps the old one and /health says Degraded.</summary>
public sealed class ReloadTests
{
    private static readonly string Example = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "profile.example.json"));

    private static async Task<string> ServedVersionAsync(HttpClient client)
    {
        using var response = await client.PostAsync(new Uri("/evaluate", UriKind.Relative), new StringContent(Example, Encoding.UTF8, "application/json"));
        using var decision = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return decision.RootElement.GetProperty("ruleSet").GetProperty("version").GetString()!;
    }

    [Fact]
    public async Task An_edited_rule_file_is_served_and_a_broken_edit_keeps_the_last_good_one_until_fixed()
    {
        using var factory = new WindowServiceFactory();
        using var client = factory.Staff();
        Assert.Equal("1.0.0", await ServedVersionAsync(client));
        Assert.Equal("Healthy", (await factory.HealthAsync()).Status);

        await File.WriteAllTextAsync(factory.RuleFile, WindowServiceFactory.Shipped.Replace("\"version\": \"1.0.0\"", "\"version\": \"1.0.1\"", StringComparison.Ordinal));
        await WindowServiceFactory.WaitUntilAsync(async () => (await factory.HealthAsync()).Description.Contains(" 1.0.1 ", StringComparison.Ordinal), "version 1.0.1");
        Assert.Equal("1.0.1", await ServedVersionAsync(client));

        await File.WriteAllTextAsync(factory.RuleFile, WindowServiceFactory.Shipped.Replace("\"version\": \"1.0.0\"", "\"version\": \"1.0.2\"", StringComparison.Ordinal).Replace("facts.ActivePositiveRecords", "facts.ActivePositiveRecordz", StringComparison.Ordinal));
        await WindowServiceFactory.WaitUntilAsync(async () => (await factory.HealthAsync()).Status == "Degraded", "health Degraded");
        var (_, description) = await factory.HealthAsync();
        Assert.Contains("failed with 1 problem(s); rule set jia-county-2022-8 1.0.1 ", description, StringComparison.Ordinal);
        Assert.Equal("1.0.1", await ServedVersionAsync(client));

        await File.WriteAllTextAsync(factory.RuleFile, WindowServiceFactory.Shipped.Replace("\"version\": \"1.0.0\"", "\"version\": \"1.0.3\"", StringComparison.Ordinal));
        await WindowServiceFactory.WaitUntilAsync(async () => (await factory.HealthAsync()).Status == "Healthy", "health Healthy again");
        Assert.Equal("1.0.3", await ServedVersionAsync(client));

        var rows = await factory.AuditRowsAsync();
        Assert.Equal(["1.0.0", "1.0.1", "1.0.1", "1.0.3"], rows.ConvertAll(r => (string)r["rule_set_version"]!));
    }
}
