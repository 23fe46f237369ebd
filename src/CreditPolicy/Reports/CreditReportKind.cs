namespace CreditPolicy.Reports;

/// <summary>The two kinds of credit report (信用报告) of R3.</summary>
public enum CreditReportKind
{
    /// <summary>Enterprise credit report (企业信用报告), <c>enterprise</c>.</summary>
    Enterprise = 1,

    /// <summary>Personal credit report (个人信用报告), <c>personal</c>.</summary>
    Personal,
}
