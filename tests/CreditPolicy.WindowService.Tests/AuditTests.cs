using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Xunit;

namespace CreditPolicy.WindowService.Tests;

/// <summary>The audit trail (R5, R8): exactly one row per request, whatever its outcome; unmasking only for a purpose that permits it.</summary>
public sealed class AuditTests
{
    private const string Person = "410425198503151233";
    private static readonly string Example = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "profile.example.json"));

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Every_request_leaves_exactly_one_audit_row()
    {
        using var factory = new WindowServiceFactory();
        using var staff = factory.Staff();
        using var anonymous = factory.CreateClient();
        using var signing = factory.Staff("commitment-signing");

        var statuses = new[]
        {
            (await staff.PostAsync(new Uri("/evaluate", UriKind.Relative), Json(Example))).StatusCode,
            (await staff.PostAsync(new Uri("/evaluate", UriKind.Relative), Json("{\"subject\":{}}"))).StatusCode,
            (await staff.PostAsync(new Uri("/evaluate?asOf=2020-01-01", UriKind.Relative), Json(Example))).StatusCode,
            (await anonymous.PostAsync(new Uri("/evaluate", UriKind.Relative), Json(Example))).StatusCode,
            (await staff.PostAsync(new Uri("/letters?unmask=true", UriKind.Relative), Json(Example))).StatusCode,
            (await signing.PostAsync(new Uri("/letters?unmask=true", UriKind.Relative), Json(Example))).StatusCode,
            (await staff.PostAsync(new Uri("/letters?commitment=nope", UriKind.Relative), Json(Example))).StatusCode,
        };
        (await staff.GetAsync(new Uri("/health", UriKind.Relative))).Dispose(); // not a query of credit information: not audited

        var rows = await factory.AuditRowsAsync();
        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.UnprocessableEntity, HttpStatusCode.BadRequest, HttpStatusCode.Forbidden, HttpStatusCode.OK, HttpStatusCode.BadRequest],
            statuses);
        Assert.Equal(statuses.Select(s => (long)s).ToArray(), rows.Select(r => (long)r["status"]!).ToArray());
        Assert.Equal(["/evaluate", "/evaluate", "/evaluate", "/evaluate", "/letters", "/letters", "/letters"], rows.Select(r => (string)r["path"]!).ToArray());
        Assert.Null(rows[3]["caller"]);
        Assert.All(rows, r => Assert.Equal(Data.RuleSetSha256, r["rule_set_sha256"]));
        Assert.DoesNotContain(rows, r => r.Values.Any(v => v is string s && s.Contains(Person, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task R5_R8_a_request_that_does_not_say_who_asks_and_why_is_refused_and_audited()
    {
        using var factory = new WindowServiceFactory();
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Caller", "staff-017");
        client.DefaultRequestHeaders.Add("X-Window", "market-registration");

        using var response = await client.PostAsync(new Uri("/evaluate", UriKind.Relative), Json(Example));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("X-Purpose", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var row = Assert.Single(await factory.AuditRowsAsync());
        Assert.Equal("staff-017", row["caller"]);
        Assert.Null(row["purpose"]);
        Assert.Equal("[]", row["subjects"]);
    }

    [Fact]
    public async Task R8_C5_a_letter_shows_personal_ids_whole_only_for_a_purpose_that_permits_it()
    {
        using var factory = new WindowServiceFactory();
        using var review = factory.Staff();
        using var signing = factory.Staff("commitment-signing");

        using var published = await review.PostAsync(new Uri("/letters", UriKind.Relative), Json(Example));
        using var refused = await review.PostAsync(new Uri("/letters?unmask=true", UriKind.Relative), Json(Example));
        using var signed = await signing.PostAsync(new Uri("/letters?unmask=true", UriKind.Relative), Json(Example));

        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var publicText = await published.Content.ReadAsStringAsync();
        Assert.Contains("410425********1233", publicText, StringComparison.Ordinal);
        Assert.DoesNotContain(Person, publicText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain(Person, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Contains("信用承诺书", await signed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(Person, await signed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var rows = await factory.AuditRowsAsync();
        Assert.Equal([0L, 0L, 1L], rows.Select(r => (long)r["unmasked"]!).ToArray());
        Assert.Equal("commitment-signing", rows[2]["purpose"]);
        Assert.Equal("[\"91410425MA3X12345R\",\"410425********1233\"]", rows[2]["subjects"]);
    }

    [Fact]
    public async Task The_schema_is_created_on_start_and_a_restart_applies_no_migration_twice()
    {
        using var first = new WindowServiceFactory();
        using (var client = first.Staff())
        {
            (await client.PostAsync(new Uri("/evaluate", UriKind.Relative), Json(Example))).Dispose();
        }

        using var second = new WindowServiceFactory(first.Folder);
        using (var client = second.Staff())
        {
            (await client.PostAsync(new Uri("/evaluate", UriKind.Relative), Json(Example))).Dispose();
        }

        await using var connection = new SqliteConnection($"Data Source={first.Database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) || ':' || MAX(version) FROM schema_version";
        Assert.Equal("1:1", await command.ExecuteScalarAsync());
        Assert.Equal(2, (await second.AuditRowsAsync()).Count);
    }

    private static class Data
    {
        internal static readonly string RuleSetSha256 = CreditPolicy.Rules.RuleSet.JiaCounty2022No8.Sha256;
    }
}
