using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Xunit;

namespace CreditPolicy.WindowService.Tests;

/// <summary>Red-team findings on the window service (issue 12): a replaced rules folder, headers and paths in the audit (R8), limits, a locked audit database, query values, wording.</summary>
public sealed class EmbeddingFixesTests
{
    private const string Person = "410425198503151233";
    private static readonly string Example = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "profile.example.json"));

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static async Task<string> ServedVersionAsync(HttpClient client)
    {
        using var response = await client.PostAsync(Url("/evaluate"), Json(Example));
        using var decision = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return decision.RootElement.GetProperty("ruleSet").GetProperty("version").GetString()!;
    }

    [Fact]
    public async Task A_rules_folder_replaced_whole_is_served_and_a_broken_file_in_it_makes_health_Degraded()
    {
        using var factory = new WindowServiceFactory();
        using var client = factory.Staff();
        Assert.Equal("1.0.0", await ServedVersionAsync(client));
        var rules = Path.GetDirectoryName(factory.RuleFile)!;

        Directory.Move(rules, rules + ".old"); // mv rules rules.old; mkdir rules; cp new.json rules/
        Directory.CreateDirectory(rules);
        await File.WriteAllTextAsync(factory.RuleFile, WindowServiceFactory.Shipped.Replace("\"version\": \"1.0.0\"", "\"version\": \"2.0.0\"", StringComparison.Ordinal));
        await WindowServiceFactory.WaitUntilAsync(async () => (await factory.HealthAsync()) is ("Healthy", var d) && d.Contains(" 2.0.0 ", StringComparison.Ordinal), "version 2.0.0 from the new folder");
        Assert.Equal("2.0.0", await ServedVersionAsync(client));

        await File.WriteAllTextAsync(factory.RuleFile, WindowServiceFactory.Shipped.Replace("facts.ActivePositiveRecords", "facts.ActivePositiveRecordz", StringComparison.Ordinal));
        await WindowServiceFactory.WaitUntilAsync(async () => (await factory.HealthAsync()).Status == "Degraded", "health Degraded");
        Assert.Equal("2.0.0", await ServedVersionAsync(client));
    }

    [Fact]
    public async Task R8_headers_and_path_are_audited_masked_escaped_and_cut_and_bad_headers_are_a_400_problem()
    {
        using var factory = new WindowServiceFactory();
        using var staff = factory.Staff();
        using var utf8 = new HttpClient(new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8 }) { BaseAddress = staff.BaseAddress };

        async Task<HttpResponseMessage> Send(string caller, string window, string path = "/evaluate")
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Url(path)) { Content = Json(Example) };
            request.Headers.TryAddWithoutValidation("X-Caller", caller);
            request.Headers.TryAddWithoutValidation("X-Window", window);
            request.Headers.TryAddWithoutValidation("X-Purpose", "approval-review");
            return await utf8.SendAsync(request);
        }

        using var idInCaller = await Send("staff-" + Person, "market-registration");
        using var ansi = await Send("staff-017", "\u001b[31mred");
        using var chinese = await Send("staff-017", "市场登记窗口");
        using var huge = await Send(new string('a', 20_000), "market-registration");
        using var idInPath = await Send("staff-017", "market-registration", "/evaluate/" + Person);

        Assert.Equal(HttpStatusCode.OK, idInCaller.StatusCode);
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], new[] { ansi.StatusCode, chinese.StatusCode, huge.StatusCode });
        Assert.Equal("application/problem+json", ansi.Content.Headers.ContentType!.MediaType);
        using (var problem = JsonDocument.Parse(await huge.Content.ReadAsStringAsync()))
        {
            var error = Assert.Single(problem.RootElement.GetProperty("errors").EnumerateArray());
            Assert.Equal("X-Caller", error.GetProperty("path").GetString());
            Assert.Equal("X-Caller is 20000 characters long; at most 64.", error.GetProperty("message").GetString());
        }

        Assert.Contains("X-Window must be a code of printable ASCII characters", await chinese.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, idInPath.StatusCode);
        var rows = await factory.AuditRowsAsync();
        Assert.Equal(5, rows.Count);
        Assert.Equal("staff-410425********1233", rows[0]["caller"]);
        Assert.Equal("\\u001B[31mred", rows[1]["window"]);
        Assert.Equal("市场登记窗口", rows[2]["window"]); // masked and escaped, kept for the record; the request was refused
        Assert.Equal(400L, rows[3]["status"]);
        Assert.Equal(65, ((string)rows[3]["caller"]!).Length); // 64 characters and …
        Assert.Equal("/evaluate/410425********1233", rows[4]["path"]);
        Assert.DoesNotContain(rows, r => r.Values.Any(v => v is string s && (s.Contains(Person, StringComparison.Ordinal) || s.Contains('\u001b', StringComparison.Ordinal))));
    }

    [Fact]
    public async Task A_body_over_the_limit_and_more_profiles_than_allowed_are_413_problems_and_audited()
    {
        using var factory = new WindowServiceFactory(new Dictionary<string, string?> { ["WindowService:MaxRequestBodyBytes"] = "1000", ["WindowService:MaxProfiles"] = "2" });
        using var client = factory.Staff();
        var line = "{\"subject\":{\"name\":\"甲\",\"kind\":\"enterprise\",\"idType\":\"other\",\"id\":\"A-1\"}}\n";

        using var large = await client.PostAsync(Url("/evaluate"), Json(Example)); // 1.5 kB
        using var two = await client.PostAsync(Url("/evaluate"), new StringContent(line + line, Encoding.UTF8, "application/x-ndjson"));
        using var three = await client.PostAsync(Url("/evaluate"), new StringContent(line + line + line, Encoding.UTF8, "application/x-ndjson"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Equal("application/problem+json", large.Content.Headers.ContentType!.MediaType);
        Assert.Contains("larger than 1,000 bytes", await large.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, two.StatusCode);
        Assert.Equal(2, (await two.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, three.StatusCode);
        Assert.Contains("more than 2 profiles", await three.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var rows = await factory.AuditRowsAsync();
        Assert.Equal([413L, 200L, 413L], rows.Select(r => (long)r["status"]!).ToArray());
        Assert.Equal(["rejected: body too large", "evaluated 2", "rejected: too many profiles"], rows.Select(r => (string)r["outcome"]!).ToArray());
    }

    [Fact]
    public async Task A_locked_audit_database_is_a_quick_503_with_Retry_After_and_no_decision()
    {
        using var factory = new WindowServiceFactory(new Dictionary<string, string?> { ["WindowService:AuditBusyTimeout"] = "00:00:01" });
        using var client = factory.Staff();
        (await client.PostAsync(Url("/evaluate"), Json(Example))).Dispose(); // schema in place, one row

        await using (var holder = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = factory.Database, Pooling = false }.ToString()))
        {
            await holder.OpenAsync();
            await using (var begin = holder.CreateCommand())
            {
                begin.CommandText = "BEGIN EXCLUSIVE";
                await begin.ExecuteNonQueryAsync();
            }

            var clock = Stopwatch.StartNew();
            using var response = await client.PostAsync(Url("/evaluate"), Json(Example));
            clock.Stop();

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"answered after {clock.Elapsed}");
            Assert.Equal("5", response.Headers.GetValues("Retry-After").Single());
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            var text = await response.Content.ReadAsStringAsync();
            Assert.Contains("no answer is given without an audit row", text, StringComparison.Ordinal);
            Assert.DoesNotContain("measures", text, StringComparison.Ordinal);
        }

        using var after = await client.PostAsync(Url("/evaluate"), Json(Example));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        var statuses = (await factory.AuditRowsAsync()).Select(r => (long)r["status"]!).ToArray();
        Assert.Equal([200L, 200L], statuses);
    }

    [Fact]
    public async Task A_query_value_that_is_not_true_or_false_is_a_400_problem_and_audited()
    {
        using var factory = new WindowServiceFactory();
        using var client = factory.Staff();

        using var response = await client.PostAsync(Url("/letters?unmask=1"), Json(Example));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = Assert.Single(problem.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal("unmask: unmask must be true or false, not '1'.", error.GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, error.GetProperty("line").ValueKind);
        Assert.Equal(400L, Assert.Single(await factory.AuditRowsAsync())["status"]);
    }

    [Fact]
    public async Task R8_a_rule_set_version_and_id_shaped_like_a_resident_id_are_audited_masked()
    {
        using var factory = new WindowServiceFactory();
        Directory.CreateDirectory(Path.GetDirectoryName(factory.RuleFile)!);
        await File.WriteAllTextAsync(factory.RuleFile, WindowServiceFactory.Shipped
            .Replace("\"version\": \"1.0.0\"", $"\"version\": \"{Person}\"", StringComparison.Ordinal)
            .Replace("\"id\": \"jia-county-2022-8\"", $"\"id\": \"{Person}\"", StringComparison.Ordinal));
        using var client = factory.Staff();

        using var response = await client.PostAsync(Url("/evaluate"), Json(Example));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = Assert.Single(await factory.AuditRowsAsync());
        Assert.Equal("410425********1233", row["rule_set_version"]);
        Assert.Equal("410425********1233", row["rule_set_id"]);
    }

    [Fact]
    public async Task The_audit_names_the_subjects_of_profiles_with_errors_too_masked()
    {
        using var factory = new WindowServiceFactory();
        using var client = factory.Staff();
        var body = "{\"subject\":{\"name\":\"张三\",\"kind\":\"natural-person\",\"idType\":\"resident-id\",\"id\":\"" + Person + "\"},\"records\":[{\"id\":\"r\",\"category\":\"other-negative\",\"decidedOn\":\"2026-02-30\"}]}\n"
            + "{\"subject\":{\"name\":\"乙\",\"kind\":\"enterprise\",\"idType\":\"other\",\"id\":\"A-2\"}}\n"
            + "{\"subject\":{\"name\":\"丙\",\"kind\":\"enterprize\",\"idType\":\"other\",\"id\":\"A-3\"}}\n"
            + "not json\n";

        using var response = await client.PostAsync(Url("/evaluate"), new StringContent(body, Encoding.UTF8, "application/x-ndjson"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var row = Assert.Single(await factory.AuditRowsAsync());
        Assert.Equal("[\"410425********1233\",\"A-2\"]", row["subjects"]); // the third's subject cannot be read (unknown kind), the fourth is no JSON
    }

    [Fact]
    public async Task A_GBK_body_is_told_the_service_reads_UTF_8_and_is_read_when_it_says_charset_gb18030()
    {
        using var factory = new WindowServiceFactory();
        using var client = factory.Staff();
        var gbk = CreditPolicy.Serialization.InputEncodings.Gb18030.GetBytes(Example);

        using var unmarked = await client.PostAsync(Url("/evaluate"), new ByteArrayContent(gbk) { Headers = { { "Content-Type", "application/json" } } });
        using var marked = await client.PostAsync(Url("/evaluate"), new ByteArrayContent(gbk) { Headers = { { "Content-Type", "application/json; charset=gb18030" } } });

        Assert.Equal(HttpStatusCode.BadRequest, unmarked.StatusCode);
        var text = await unmarked.Content.ReadAsStringAsync();
        Assert.Contains("the service reads UTF-8", text, StringComparison.Ordinal);
        Assert.Contains("charset=gb18030", text, StringComparison.Ordinal);
        Assert.DoesNotContain("--encoding", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        var rows = await factory.AuditRowsAsync();
        Assert.Equal("[]", rows[0]["subjects"]); // not UTF-8: the subject's name cannot be read, so neither can the subject
        Assert.Equal("[\"91410425MA3X12345R\"]", rows[1]["subjects"]);
    }

    [Fact]
    public async Task Request_level_errors_have_no_line_and_speak_Chinese_with_Language_zh()
    {
        using var factory = new WindowServiceFactory(new Dictionary<string, string?> { ["CreditPolicy:Language"] = "zh" });
        using var client = factory.Staff();

        using var impossible = await client.PostAsync(Url("/evaluate?asOf=2026-02-29"), Json(Example));
        using var empty = await client.PostAsync(Url("/evaluate"), Json(""));

        using var date = JsonDocument.Parse(await impossible.Content.ReadAsStringAsync());
        var error = date.RootElement.GetProperty("errors")[0];
        Assert.Equal("asOf: '2026-02-29' 符合 YYYY-MM-DD 格式，但日历上没有这一天。", error.GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, error.GetProperty("line").ValueKind);
        Assert.Contains("请求体中没有档案", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_impossible_date_in_English_says_it_is_no_day_of_the_calendar()
    {
        using var factory = new WindowServiceFactory();
        using var client = factory.Staff();

        using var response = await client.PostAsync(Url("/evaluate?asOf=2026-02-29"), Json(Example));

        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("asOf: '2026-02-29' has the form YYYY-MM-DD but is no day of the calendar (that month has no such day).", problem.RootElement.GetProperty("errors")[0].GetProperty("text").GetString());
    }

    [Fact]
    public void A_blank_audit_database_setting_stops_the_start_with_a_clear_message()
    {
        using var factory = new WindowServiceFactory(new Dictionary<string, string?> { ["WindowService:AuditDatabase"] = "" });

        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("WindowService:AuditDatabase must name the SQLite file of the audit trail", ex.ToString(), StringComparison.Ordinal);
    }
}
