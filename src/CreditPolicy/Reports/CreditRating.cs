using System;
using System.Diagnostics.CodeAnalysis;

namespace CreditPolicy.Reports;

/// <summary>
/// A grade of the nine-grade credit rating scale (信用等级) used in credit reports (R3), ordered from the
/// worst, <c>C</c>, to the best, <c>AAA</c>: <c>AAA &gt; AA &gt; A &gt; BBB &gt; BB &gt; B &gt; CCC &gt; CC &gt; C</c>.
/// </summary>
/// <remarks>Comparison follows credit quality: a better grade is greater. Immutable and thread-safe.</remarks>
public readonly struct CreditRating : IEquatable<CreditRating>, IComparable<CreditRating>
{
    private static readonly string[] Names = ["C", "CC", "CCC", "B", "BB", "BBB", "A", "AA", "AAA"];

    // 1 (C) … 9 (AAA); 0 only in default(CreditRating).
    private readonly byte _grade;

    private CreditRating(int grade) => _grade = (byte)grade;

    /// <summary>Extremely strong (AAA), the best grade.</summary>
    public static CreditRating AAA { get; } = new(9);

    /// <summary>Very strong (AA).</summary>
    public static CreditRating AA { get; } = new(8);

    /// <summary>Strong (A).</summary>
    public static CreditRating A { get; } = new(7);

    /// <summary>Adequate (BBB), the lowest investment grade.</summary>
    public static CreditRating BBB { get; } = new(6);

    /// <summary>Speculative (BB).</summary>
    public static CreditRating BB { get; } = new(5);

    /// <summary>Highly speculative (B).</summary>
    public static CreditRating B { get; } = new(4);

    /// <summary>Substantial risk (CCC).</summary>
    public static CreditRating CCC { get; } = new(3);

    /// <summary>Very high risk (CC).</summary>
    public static CreditRating CC { get; } = new(2);

    /// <summary>Lowest (C), the worst grade.</summary>
    public static CreditRating C { get; } = new(1);

    /// <summary>Every grade, worst first.</summary>
    public static CreditRating[] All => [C, CC, CCC, B, BB, BBB, A, AA, AAA];

    /// <summary>Position on the scale: 1 for C up to 9 for AAA.</summary>
    public int Grade => _grade;

    /// <summary>Reads a grade written as the contract writes it (<c>AAA</c> … <c>C</c>, capitals).</summary>
    /// <exception cref="FormatException">Not one of the nine grades.</exception>
    public static CreditRating Parse(string? text) =>
        TryParse(text, out var rating) ? rating : throw new FormatException(Subjects.PersonalIds.ForMessage($"'{text}' is not a credit rating; expected one of AAA, AA, A, BBB, BB, B, CCC, CC, C."));

    /// <summary>Tries to read a grade.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out CreditRating rating)
    {
        var index = text is null ? -1 : Array.IndexOf(Names, text);
        rating = index < 0 ? default : new CreditRating(index + 1);
        return index >= 0;
    }

    /// <inheritdoc />
    public int CompareTo(CreditRating other) => _grade.CompareTo(other._grade);

    /// <inheritdoc />
    public bool Equals(CreditRating other) => _grade == other._grade;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CreditRating other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _grade;

    /// <summary>The grade as written (<c>AA</c>).</summary>
    public override string ToString() => _grade == 0 ? string.Empty : Names[_grade - 1];

    /// <summary>Whether two grades are the same.</summary>
    public static bool operator ==(CreditRating left, CreditRating right) => left.Equals(right);

    /// <summary>Whether two grades differ.</summary>
    public static bool operator !=(CreditRating left, CreditRating right) => !left.Equals(right);

    /// <summary>Whether <paramref name="left"/> is a worse grade.</summary>
    public static bool operator <(CreditRating left, CreditRating right) => left._grade < right._grade;

    /// <summary>Whether <paramref name="left"/> is a better grade.</summary>
    public static bool operator >(CreditRating left, CreditRating right) => left._grade > right._grade;

    /// <summary>Whether <paramref name="left"/> is the same or a worse grade.</summary>
    public static bool operator <=(CreditRating left, CreditRating right) => left._grade <= right._grade;

    /// <summary>Whether <paramref name="left"/> is the same or a better grade.</summary>
    public static bool operator >=(CreditRating left, CreditRating right) => left._grade >= right._grade;
}
