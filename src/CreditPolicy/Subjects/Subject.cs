using System;
using Ardalis.GuardClauses;

namespace CreditPolicy.Subjects;

/// <summary>
/// The administrative counterpart (行政相对人, C1) a profile is about: name, kind, certificate (C3) and
/// supervising department (主管部门, C3).
/// </summary>
/// <remarks>
/// <see cref="ToString"/> shows the certificate number masked when it is personal (R8, C5).
/// Immutable and thread-safe.
/// </remarks>
[ContractJson]
public sealed class Subject
{
    /// <summary>Creates a subject.</summary>
    /// <param name="name">Name of the person or organisation (承诺主体名称, C3).</param>
    /// <param name="kind">The kind of counterpart (C1).</param>
    /// <param name="identifier">Certificate type and number (C3).</param>
    /// <param name="supervisingDepartment">Supervising department (主管部门, C3), if known.</param>
    /// <exception cref="ArgumentException">A required value is missing, or the certificate type does not suit the kind.</exception>
    public Subject(string name, SubjectKind kind, SubjectIdentifier identifier, string? supervisingDepartment = null)
    {
        Name = Guard.Against.NullOrWhiteSpace(name);
        Kind = Enum.IsDefined(kind) ? kind : throw new ArgumentOutOfRangeException(nameof(kind));
        Guard.Against.Null(identifier);
        if (CheckIdentifierType(kind, identifier.Type) is { } problem)
        {
            throw new ArgumentException(problem, nameof(identifier));
        }

        if (kind == SubjectKind.NaturalPerson)
        {
            identifier = identifier.AsPersonal();
        }

        Identifier = identifier;
        SupervisingDepartment = string.IsNullOrWhiteSpace(supervisingDepartment) ? null : supervisingDepartment;
    }

    /// <summary>Name of the person or organisation (C3).</summary>
    public string Name { get; }

    /// <summary>The kind of counterpart (C1).</summary>
    public SubjectKind Kind { get; }

    /// <summary>Certificate type and number (C3); personal for a natural person (R8).</summary>
    public SubjectIdentifier Identifier { get; }

    /// <summary>Supervising department (主管部门, C3), or <see langword="null"/> when not known.</summary>
    public string? SupervisingDepartment { get; }

    /// <summary>
    /// Why a certificate type does not suit a kind of subject, or <see langword="null"/> when it does:
    /// a natural person has no unified social credit code, and an organisation other than an individual
    /// business has no resident identity number (C3: 统一社会信用代码或居民身份证).
    /// </summary>
    public static string? CheckIdentifierType(SubjectKind kind, IdentifierType type) => CheckIdentifierTypeIn(kind, type, zh: false);

    /// <summary>The problem of <see cref="CheckIdentifierType"/>, in Chinese when <paramref name="zh"/>.</summary>
    internal static string? CheckIdentifierTypeIn(SubjectKind kind, IdentifierType type, bool zh) => (kind, type) switch
    {
        (SubjectKind.NaturalPerson, IdentifierType.Uscc) => Messages.Get(zh, "subject.person-no-uscc"),
        (SubjectKind.Enterprise or SubjectKind.PublicInstitution or SubjectKind.SocialOrganization or SubjectKind.OtherOrganization, IdentifierType.ResidentId) =>
            Messages.Get(zh, "subject.organisation-no-resident-id"),
        _ => null,
    };

    /// <summary>Name, kind and certificate number (masked when personal).</summary>
    public override string ToString() => PersonalIds.Mask($"{Name} ({Kind}, {Identifier})"); // a number in the name too (R8)
}
