namespace CreditPolicy.Records;

/// <summary>How grave a negative credit record is.</summary>
public enum RecordSeverity
{
    /// <summary>General (一般), <c>general</c>.</summary>
    General = 1,

    /// <summary>Serious (严重), <c>serious</c>.</summary>
    Serious,
}
