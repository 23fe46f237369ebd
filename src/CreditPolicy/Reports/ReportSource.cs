namespace CreditPolicy.Reports;

/// <summary>Who issued a credit report (R3).</summary>
public enum ReportSource
{
    /// <summary>A credit service agency filed (备案) with the PBoC, <c>filed-agency</c>: it names the agency and gives a rating.</summary>
    FiledAgency = 0,

    /// <summary>
    /// The PBoC Credit Reference Center (征信中心), <c>credit-reference-center</c>: the enterprise or personal
    /// credit report from the 企业征信系统 or 个人信用信息基础数据库 that R3 names. No agency, no rating.
    /// </summary>
    CreditReferenceCenter,
}
