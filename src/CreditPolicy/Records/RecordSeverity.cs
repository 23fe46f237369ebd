namespace CreditPolicy.Records;

/// <summary>
/// How grave a negative credit record is: the class of dishonesty information (失信信息) that fixes its
/// maximum publicity period (NDRC Order No. 36 of 2025: minor, general, serious).
/// </summary>
public enum RecordSeverity
{
    /// <summary>Minor (轻微失信信息), <c>minor</c>: in principle not published; at most three months where an authority publishes it.</summary>
    Minor = 1,

    /// <summary>General (一般失信信息), <c>general</c>.</summary>
    General,

    /// <summary>Serious (严重失信信息), <c>serious</c>.</summary>
    Serious,
}
