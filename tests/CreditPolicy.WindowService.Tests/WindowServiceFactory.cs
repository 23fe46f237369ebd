using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using CreditPolicy.Rules;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace CreditPolicy.WindowService.Tests;

/// <summary>The window service on Kestrel over loopback HTTP, with its rule file and audit database in a temporary folder and a fixed clock.</summary>
public sealed class WindowServiceFactory : WebApplicationFactory<Program>
{
    /// <summary>2026-11-27 00:30 in China Standard Time.</summary>
    internal static readonly Instant Now = Instant.FromUtc(2026, 11, 26, 16, 30);

    public WindowServiceFactory()
        : this(Directory.CreateTempSubdirectory("creditpolicy-ws-").FullName)
    {
    }

    /// <summary>A service with these settings over the test's (e.g. <c>WindowService:MaxProfiles</c>).</summary>
    internal WindowServiceFactory(IReadOnlyDictionary<string, string?> settings)
        : this(Directory.CreateTempSubdirectory("creditpolicy-ws-").FullName, settings)
    {
    }

    internal WindowServiceFactory(string folder, IReadOnlyDictionary<string, string?>? settings = null)
    {
        Folder = folder;
        Settings = settings ?? new Dictionary<string, string?>();
        RuleFile = Path.Combine(Folder, "rules", "jia-county-2022-8.json");
        Database = Path.Combine(Folder, "audit.db");
        UseKestrel(0); // real HTTP on a loopback port the system picks, not the in-memory test server
    }

    internal static string Shipped { get; } = Encoding.UTF8.GetString(RuleSet.JiaCounty2022No8File());

    internal string Folder { get; }

    internal IReadOnlyDictionary<string, string?> Settings { get; }

    internal string RuleFile { get; }

    internal string Database { get; }

    internal FakeClock Clock { get; } = new(Now);

    /// <summary>A client that says who asks, from which window and why.</summary>
    internal HttpClient Staff(string purpose = "approval-review")
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Caller", "staff-017");
        client.DefaultRequestHeaders.Add("X-Window", "market-registration");
        client.DefaultRequestHeaders.Add("X-Purpose", purpose);
        return client;
    }

    /// <summary>Every audit row, oldest first, as column name to value.</summary>
    internal async Task<List<Dictionary<string, object?>>> AuditRowsAsync()
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM audit ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The description of the rule set check in <c>/health</c>, and its status.</summary>
    internal async Task<(string Status, string Description)> HealthAsync()
    {
        using var client = CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/health", UriKind.Relative)));
        var check = document.RootElement.GetProperty("checks").GetProperty("creditpolicy");
        return (document.RootElement.GetProperty("status").GetString()!, check.GetProperty("description").GetString()!);
    }

    /// <summary>Waits, without blocking a thread, until <paramref name="condition"/> holds (10 s at most).</summary>
    internal static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new TimeoutException("Waited 10 s for " + what);
            }

            await Task.Delay(50);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("CreditPolicy:RuleFile", RuleFile);
        builder.UseSetting("CreditPolicy:ReloadDelay", "00:00:00.1");
        builder.UseSetting("CreditPolicy:Language", "en");
        builder.UseSetting("WindowService:AuditDatabase", Database);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<IClock>(Clock));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on some platforms: the temporary folder is left for the system to clear.
            }
        }
    }
}
