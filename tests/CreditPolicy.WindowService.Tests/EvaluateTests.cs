using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using CreditPolicy.Evaluation;
using CreditPolicy.Output;
using CreditPolicy.Rules;
using CreditPolicy.Serialization;
using NodaTime;
using Xunit;

namespace CreditPolicy.WindowService.Tests;

/// <summary><c>POST /evaluate</c> over loopback: the contract's decisions, located input errors (400), R9 (422), one audit row each.</summary>
public sealed class EvaluateTests
{
    private const string Person = "410425198503151233";
    private static readonly LocalDate Day = new(2026, 11, 27);
    private static readonly string Example = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "profile.example.json"));

    [Fact]
    public async Task One_profile_gets_the_contracts_decision_as_of_today_in_China_and_one_audit_row()
    {
        using var factory = new WindowServiceFactory();
        using var client = factory.Staff();

        using var response = await client.PostAsync(new Uri("/evaluate", UriKind.Relative), new StringContent(Example, Encoding.UTF8, "application/json"));

        Assert.True(client.BaseAddress!.IsLoopback && client.BaseAddress.Port != 80, $"served over loopback HTTP by Kestrel, not in memory: {client.BaseAddress}");
        var expected = DecisionJson.Write(new PolicyEvaluator(RuleSet.JiaCounty2022No8).Evaluate(ProfileJson.Read(Example).Value!, Day));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
        var row = Assert.Single(await factory.AuditRowsAsync());
        Assert.Equal("staff-017", row["caller"]);
        Assert.Equal("market-registration", row["window"]);
        Assert.Equal("approval-review", row["purpose"]);
        Assert.Equal("[\"91410425MA3X12345R\"]", row["subjects"]);
        Assert.Equal(RuleSet.JiaCounty2022No8.Sha256, row["rule_set_sha256"]);
        Assert.Equal(200L, row["status"]);
        Assert.Equal(0L, row["unmasked"]);
        Assert.Equal("2026-11-26T16:30:00Z", row["at"]);
        Assert.Equal("evaluated 1", row["outcome"]);
    }

    [Fact]
    public async Task JSON_Lines_get_one_decision_a_line_in_input_order_ids_masked()
    {
        using var factory = new WindowServiceFactory();
        using var client = factory.Staff();
        var person = "{\"subject\":{\"name\":\"张三\",\"kind\":\"natural-person\",\"idType\":\"resident-id\",\"id\":\"" + Person + "\"}}";
        var body = string.Join("\n", Example.ReplaceLineEndings(" "), person, "{\"subject\":{\"name\":\"丙\",\"kind\":\"enterprise\",\"idType\":\"other\",\"id\":\"A-3\"}}") + "\n";

        using var response = await client.PostAsync(new Uri("/evaluate?asOf=2026-11-27", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/x-ndjson"));

        var text = await response.Content.ReadAsStringAsync();
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(["91410425MA3X12345R", "410425********1233", "A-3"], lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("subject").GetProperty("id").GetString()!).ToArray());
        Assert.DoesNotContain(Person, text, StringComparison.Ordinal);
        var row = Assert.Single(await factory.AuditRowsAsync());
        Assert.Equal("[\"91410425MA3X12345R\",\"410425********1233\",\"A-3\"]", row["subjects"]);
        Assert.DoesNotContain(Person, string.Join(" ", row.Values), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Input_errors_are_a_400_problem_listing_each_located_error()
    {
        using var factory = new WindowServiceFactory();
        using var client = factory.Staff();
        var body = "{\"subject\":{\"name\":\"甲\",\"kind\":\"enterprise\",\"idType\":\"other\",\"id\":\"A-1\"}}\n"
            + "{\"subject\":{\"name\":\"\",\"kind\":\"enterprise\",\"idType\":\"other\",\"id\":\"A-2\"}}\n"
            + "{\"subject\":{\"name\":\"丙\",\"kind\":\"enterprize\",\"idType\":\"other\",\"id\":\"A-3\"},\"records\":[{\"id\":\"r\",\"category\":\"administrative-penalty\",\"decidedOn\":\"2026-02-30\"}]}\n";

        using var response = await client.PostAsync(new Uri("/evaluate", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/x-ndjson"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("path").GetString())).ToArray();
        Assert.Equal([(2, "$.subject.name"), (3, "$.subject.kind"), (3, "$.records[0].decidedOn")], errors);
        Assert.Equal("line 2: $.subject.name: Must not be blank.", problem.RootElement.GetProperty("errors")[0].GetProperty("text").GetString());
        var row = Assert.Single(await factory.AuditRowsAsync());
        Assert.Equal(400L, row["status"]);
        Assert.Equal("rejected: 2 of 3 profile(s) with input errors", row["outcome"]);
    }

    [Fact]
    public async Task R9_a_day_before_the_rule_set_takes_effect_is_a_422_problem()
    {
        using var factory = new WindowServiceFactory();
        using var client = factory.Staff();

        using var response = await client.PostAsync(new Uri("/evaluate?asOf=2022-03-10", UriKind.Relative), new StringContent(Example, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("rule set jia-county-2022-8 takes effect on 2022-03-11 (R9); it cannot evaluate as of 2022-03-10.", problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal("2022-03-11", problem.RootElement.GetProperty("effectiveFrom").GetString());
        var row = Assert.Single(await factory.AuditRowsAsync());
        Assert.Equal(422L, row["status"]);
        Assert.Equal("[\"91410425MA3X12345R\"]", row["subjects"]);
    }

    [Fact]
    public async Task A_date_that_is_not_one_is_a_400_problem_at_asOf()
    {
        using var factory = new WindowServiceFactory();
        using var client = factory.Staff();

        using var response = await client.PostAsync(new Uri("/evaluate?asOf=2026-13-01", UriKind.Relative), new StringContent(Example, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("asOf", problem.RootElement.GetProperty("errors")[0].GetProperty("path").GetString());
        Assert.Equal(400L, Assert.Single(await factory.AuditRowsAsync())["status"]);
    }
}
