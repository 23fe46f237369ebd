using System;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace CreditPolicy.WindowService.Audit;

/// <summary>
/// The audit trail in a SQLite file: one row per request to <c>/evaluate</c> and <c>/letters</c>. Its schema is
/// created and migrated on start: <c>schema_version</c> holds each migration applied, and the ones not yet applied
/// run in order, each in its own transaction.
/// </summary>
/// <remarks>
/// A row that cannot be written (the database locked by another connection beyond
/// <see cref="WindowServiceOptions.AuditBusyTimeout"/>, a full disk) fails closed: the request gets 503 and no answer,
/// and one warning is logged, without a stack trace.
/// </remarks>
internal sealed class AuditTrail(IOptions<WindowServiceOptions> options, IHostEnvironment environment, IClock clock, ILogger<AuditTrail> logger) : IHostedService
{
    /// <summary>The migrations, in order: version N is <c>Migrations[N - 1]</c>. Only ever append.</summary>
    internal static readonly string[] Migrations =
    [
        """
        CREATE TABLE audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            method TEXT NOT NULL,
            path TEXT NOT NULL,
            caller TEXT,
            window TEXT,
            purpose TEXT,
            subjects TEXT NOT NULL,
            unmasked INTEGER NOT NULL,
            rule_set_id TEXT,
            rule_set_version TEXT,
            rule_set_sha256 TEXT,
            status INTEGER NOT NULL,
            outcome TEXT NOT NULL
        );
        CREATE INDEX audit_at ON audit (at);
        """,
    ];

    /// <summary>The database file's full path.</summary>
    internal string DatabasePath => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.AuditDatabase));

    /// <summary>
    /// The connection string: Microsoft.Data.Sqlite retries a statement on a locked database for its command timeout
    /// (whole seconds), which is the busy timeout here (the default would be 30 s).
    /// </summary>
    private string ConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = DatabasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.Value.AuditBusyTimeout.TotalSeconds)),
    }.ToString();

    /// <summary>Creates the database and applies the migrations it lacks.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await Execute(connection, null, "PRAGMA journal_mode = WAL; CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);", cancellationToken);
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version;";
        var applied = Convert.ToInt32(await query.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        for (var version = applied + 1; version <= Migrations.Length; version++)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await Execute(connection, transaction, Migrations[version - 1], cancellationToken);
            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_version (version, applied_at) VALUES ($version, $at);";
            record.Parameters.AddWithValue("$version", version);
            record.Parameters.AddWithValue("$at", Format(clock.GetCurrentInstant()));
            await record.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Writes the request's one row, unless it was tried already; <see langword="false"/> when it could not be written
    /// (logged once): the caller must then give no answer but 503.
    /// </summary>
    internal async Task<bool> CommitAsync(AuditEntry entry, int status)
    {
        if (!entry.TryBeginWrite())
        {
            return entry.Written;
        }

        try
        {
            await WriteAsync(entry, status);
            entry.Written = true;
            return true;
        }
        catch (SqliteException ex)
        {
            SampleLog.AuditUnavailable(logger, entry.Method, entry.Path, status, ex.SqliteErrorCode, Subjects.PersonalIds.ForOutput(ex.Message));
            return false;
        }
    }

    /// <summary>Writes one row.</summary>
    private async Task WriteAsync(AuditEntry entry, int status)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO audit (at, method, path, caller, window, purpose, subjects, unmasked, rule_set_id, rule_set_version, rule_set_sha256, status, outcome)
            VALUES ($at, $method, $path, $caller, $window, $purpose, $subjects, $unmasked, $ruleSetId, $ruleSetVersion, $ruleSetSha256, $status, $outcome);
            """;
        command.Parameters.AddWithValue("$at", Format(entry.At));
        command.Parameters.AddWithValue("$method", entry.Method);
        command.Parameters.AddWithValue("$path", entry.Path);
        command.Parameters.AddWithValue("$caller", (object?)entry.Caller ?? DBNull.Value);
        command.Parameters.AddWithValue("$window", (object?)entry.Window ?? DBNull.Value);
        command.Parameters.AddWithValue("$purpose", (object?)entry.Purpose ?? DBNull.Value);
        command.Parameters.AddWithValue("$subjects", JsonSerializer.Serialize(entry.Subjects));
        command.Parameters.AddWithValue("$unmasked", entry.Unmasked ? 1 : 0);
        command.Parameters.AddWithValue("$ruleSetId", (object?)entry.RuleSetId ?? DBNull.Value);
        command.Parameters.AddWithValue("$ruleSetVersion", (object?)entry.RuleSetVersion ?? DBNull.Value);
        command.Parameters.AddWithValue("$ruleSetSha256", (object?)entry.RuleSetSha256 ?? DBNull.Value);
        command.Parameters.AddWithValue("$status", status);
        command.Parameters.AddWithValue("$outcome", entry.Outcome ?? $"status {status}");
        await command.ExecuteNonQueryAsync();
    }

    private static async Task Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);
}
