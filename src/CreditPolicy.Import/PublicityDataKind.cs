namespace CreditPolicy.Import;

/// <summary>Which of the two 双公示 exports a file is: administrative penalties or administrative licences.</summary>
public enum PublicityDataKind
{
    /// <summary>Administrative penalties (行政处罚): each row a record of category <c>administrative-penalty</c>.</summary>
    Penalty = 1,

    /// <summary>Administrative licences (行政许可): each row a record of category <c>administrative-license</c>.</summary>
    License,
}
