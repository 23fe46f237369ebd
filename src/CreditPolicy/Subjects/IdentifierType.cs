namespace CreditPolicy.Subjects;

/// <summary>The certificate type (证件类型) of a subject or agent, C3.</summary>
public enum IdentifierType
{
    /// <summary>Unified social credit code (统一社会信用代码), GB 32100-2015, <c>uscc</c>.</summary>
    Uscc = 1,

    /// <summary>Resident identity number (居民身份证号码), GB 11643-1999, <c>resident-id</c>.</summary>
    ResidentId,

    /// <summary>Any other certificate, not checked, <c>other</c>. C3 letters need one of the first two.</summary>
    Other,
}
