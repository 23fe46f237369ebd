using Microsoft.Extensions.Logging;

namespace CreditPolicy.WindowService;

/// <summary>The window service's log messages, source-generated; request values in them are masked and escaped (R8).</summary>
internal static partial class SampleLog
{
    [LoggerMessage(101, LogLevel.Warning, "Audit row for {Method} {Path} (status {Status}) not written: SQLite error {Code}: {Reason}; answered 503, no decision given")]
    internal static partial void AuditUnavailable(ILogger logger, string method, string path, int status, int code, string reason);

    [LoggerMessage(102, LogLevel.Information, "{Method} {Path} refused with {Status}: {Reason}")]
    internal static partial void BadRequest(ILogger logger, string method, string path, int status, string reason);
}
