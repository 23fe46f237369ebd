namespace CreditPolicy;

/// <summary>
/// What is wrong with one field of a value being built, named as the contract names the field
/// (e.g. <c>publicUntil</c>). Never contains a natural person's identity number (R8).
/// </summary>
/// <param name="Field">The field at fault, in the contract's camelCase.</param>
/// <param name="Message">What is wrong, in English.</param>
public readonly record struct FieldProblem(string Field, string Message)
{
    /// <summary>Field and message, <c>field: message</c>.</summary>
    public override string ToString() => $"{Field}: {Message}";
}
