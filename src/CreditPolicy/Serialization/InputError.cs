namespace CreditPolicy.Serialization;

/// <summary>
/// One problem in an input document: where (JSON path and line) and what. The message never contains a
/// natural person's identity number (R8).
/// </summary>
/// <param name="Path">JSON path of the value at fault, e.g. <c>$.records[1].decidedOn</c>.</param>
/// <param name="Line">1-based line of the input where the value starts (counted from the line the caller says the document starts on).</param>
/// <param name="Message">What is wrong, in English.</param>
public sealed record InputError(string Path, int Line, string Message)
{
    /// <summary><c>line L, PATH: MESSAGE</c>.</summary>
    public override string ToString() => $"line {Line}, {Path}: {Message}";
}
