using System.Globalization;
using CreditPolicy.Subjects;
using CreditPolicy.WindowService.Audit;

namespace CreditPolicy.WindowService;

/// <summary>The service's own messages, in the language of <c>CreditPolicy:Language</c> (Chinese or English); values from the request are shown masked and escaped.</summary>
internal static class Texts
{
    internal static string NoProfile(bool zh) => zh
        ? "请求体中没有档案：请发送一份档案（JSON 对象）或多份（JSON Lines）。"
        : "The body holds no profile: send one profile (a JSON object) or many (JSON Lines).";

    internal static string NotOneProfile(bool zh, int count) => zh
        ? $"承诺书只能由一份档案生成；请求体中有 {count} 份。"
        : $"A letter is rendered from one profile; the body holds {count}.";

    internal static string NoSuchCommitment(bool zh, string id) => zh
        ? $"档案中没有承诺 '{Show(id)}'。"
        : $"The profile has no commitment '{Show(id)}'.";

    internal static string NoCommitment(bool zh) => zh ? "档案中没有承诺。" : "The profile has no commitment.";

    internal static string ManyCommitments(bool zh, int count, string ids) => zh
        ? $"档案有 {count} 项承诺（{ids}）：请用 ?commitment=ID 指定一项。"
        : $"The profile has {count} commitments ({ids}): name one with ?commitment=ID.";

    internal static string NotADate(bool zh, string value) => zh
        ? $"'{Show(value)}' 不是 YYYY-MM-DD 格式的日期。"
        : $"'{Show(value)}' is not a date in YYYY-MM-DD form.";

    internal static string NoSuchDay(bool zh, string value) => zh
        ? $"'{Show(value)}' 符合 YYYY-MM-DD 格式，但日历上没有这一天。"
        : $"'{Show(value)}' has the form YYYY-MM-DD but is no day of the calendar (that month has no such day).";

    internal static string NotABoolean(bool zh, string name, string value) => zh
        ? $"{name} 只能是 true 或 false，不能是 '{Show(value)}'。"
        : $"{name} must be true or false, not '{Show(value)}'.";

    internal static string Header(bool zh, string header, HeaderProblem problem, int length) => (problem, zh) switch
    {
        (HeaderProblem.Missing, true) => $"缺少 {header}：请说明查询人（{AuditEntry.CallerHeader}）、窗口或岗位（{AuditEntry.WindowHeader}）和查询用途（{AuditEntry.PurposeHeader}）。",
        (HeaderProblem.Missing, false) => $"{header} is missing: say who asks ({AuditEntry.CallerHeader}), from which window or role ({AuditEntry.WindowHeader}) and why ({AuditEntry.PurposeHeader}).",
        (HeaderProblem.NotAscii, true) => $"{header} 只能是可打印的 ASCII 代码（字母、数字和 -_. 等）；其中含有其他字符（不记录原值）。",
        (HeaderProblem.NotAscii, false) => $"{header} must be a code of printable ASCII characters (letters, digits, -_. and the like); it holds other characters (its value is not repeated).",
        (_, true) => $"{header} 长 {length} 个字符，最多 {AuditEntry.MaxHeaderLength} 个。",
        _ => $"{header} is {length} characters long; at most {AuditEntry.MaxHeaderLength}.",
    };

    internal static string BodyTooLarge(bool zh, long max) => zh
        ? $"请求体超过 {max.ToString("N0", CultureInfo.InvariantCulture)} 字节，即本服务每个请求接受的上限（WindowService:MaxRequestBodyBytes）。"
        : $"The body is larger than {max.ToString("N0", CultureInfo.InvariantCulture)} bytes, the most this service accepts in one request (WindowService:MaxRequestBodyBytes).";

    internal static string TooManyProfiles(bool zh, int max) => zh
        ? $"请求体中的档案多于 {max.ToString("N0", CultureInfo.InvariantCulture)} 份；每个请求最多 {max.ToString("N0", CultureInfo.InvariantCulture)} 份（WindowService:MaxProfiles），请分批发送。"
        : $"The body holds more than {max.ToString("N0", CultureInfo.InvariantCulture)} profiles; send at most {max.ToString("N0", CultureInfo.InvariantCulture)} in one request (WindowService:MaxProfiles).";

    internal static string NotUtf8(bool zh, int line, int offset) => zh
        ? $"请求体不是有效的 UTF-8 文本（第 {line} 行，第 {offset} 字节起）：本服务按 UTF-8 读取；以 GBK/GB18030 编码的请求体请注明 Content-Type: application/json; charset=gb18030。"
        : $"The body is not valid UTF-8 (line {line}, from byte {offset}): the service reads UTF-8; a body in GBK/GB18030 must say so with Content-Type: application/json; charset=gb18030.";

    internal static string NotGb18030(bool zh) => zh
        ? "请求体声明为 charset=gb18030，但不是有效的 GB18030 文本。"
        : "The body says charset=gb18030 but is not valid GB18030 text.";

    internal static string UnknownCharset(bool zh, string charset) => zh
        ? $"不支持字符集 '{Show(charset)}'：请以 UTF-8 发送，或以 GBK/GB18030 发送并注明 charset=gb18030。"
        : $"Charset '{Show(charset)}' is not supported: send UTF-8, or GBK/GB18030 with charset=gb18030.";

    internal static string AuditUnavailable(bool zh) => zh
        ? "审计记录暂时无法写入（审计数据库繁忙）；没有审计记录就不给出结论。请稍后重试。"
        : "The audit trail cannot be written now (its database is busy); no answer is given without an audit row. Try again shortly.";

    internal static string WhoAsks(bool zh) => zh
        ? $"信用信息须依职责、依规定查询：请发送 {AuditEntry.CallerHeader}、{AuditEntry.WindowHeader} 和 {AuditEntry.PurposeHeader}（可打印 ASCII 代码，每项最多 {AuditEntry.MaxHeaderLength} 个字符）；每个请求都记入审计。"
        : $"Credit information is queried according to duty and rules: send {AuditEntry.CallerHeader}, {AuditEntry.WindowHeader} and {AuditEntry.PurposeHeader} (printable ASCII codes, at most {AuditEntry.MaxHeaderLength} characters each); every request is audited.";

    private static string Show(string value) => AuditEntry.Stored(value, 64);
}
