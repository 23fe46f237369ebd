using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;

namespace CreditPolicy.Records;

/// <summary>
/// Which class of dishonesty information (轻微、一般、严重失信信息, NDRC Order No. 36 of 2025) an administrative
/// penalty is, by its category (处罚类别, as the national 双公示 data standard spells it) and the amount of a fine
/// (罚款金额（万元）): how an importer of publicity data gives a record its <c>severity</c>.
/// </summary>
/// <remarks>
/// <see cref="Default"/> is the table shipped with the library (docs/import.md says which assignments are the
/// order's words and which are the library's documented choice); a rule file's <c>RuleSet.penaltySeverity</c>
/// changes it (<see cref="Rules.RuleSet.PenaltySeverity"/>). Several categories on one decision take the most
/// severe. Immutable and thread-safe.
/// </remarks>
public sealed class PenaltySeverityTable
{
    /// <summary>The category of a fine (罚款), the one whose class <see cref="FineThresholds"/> may change.</summary>
    public const string FineCategory = "罚款";

    /// <summary>Creates a table.</summary>
    /// <param name="categories">The class of each penalty category, by its name as the data standard spells it.</param>
    /// <param name="fineThresholds">Fine amounts from which a fine takes another class; empty for none.</param>
    /// <exception cref="ArgumentException">A category is blank or given twice, a class is not defined, or two thresholds share an amount.</exception>
    public PenaltySeverityTable(IEnumerable<KeyValuePair<string, RecordSeverity>> categories, IEnumerable<FineThreshold>? fineThresholds = null)
    {
        Guard.Against.Null(categories);
        var builder = ImmutableDictionary.CreateBuilder<string, RecordSeverity>(StringComparer.Ordinal);
        foreach (var (name, severity) in categories)
        {
            var key = Guard.Against.NullOrWhiteSpace(name, nameof(categories)).Trim();
            if (!Enum.IsDefined(severity))
            {
                throw new ArgumentOutOfRangeException(nameof(categories));
            }

            if (!builder.TryAdd(key, severity))
            {
                throw new ArgumentException($"Penalty category '{key}' is given twice.", nameof(categories));
            }
        }

        Categories = builder.ToImmutable();
        FineThresholds = [.. (fineThresholds ?? []).Select(t => Guard.Against.Null(t)).OrderBy(t => t.AtLeast)];
        for (var i = 1; i < FineThresholds.Length; i++)
        {
            if (FineThresholds[i].AtLeast == FineThresholds[i - 1].AtLeast)
            {
                throw new ArgumentException("Two fine thresholds share an amount.", nameof(fineThresholds));
            }
        }
    }

    /// <summary>
    /// The table shipped with the library: 警告、通报批评 minor; 罚款 (below 100 万元), 没收违法所得、没收非法财物、
    /// 暂扣许可证件、降低资质等级、其他 general; 吊销许可证件、限制开展生产经营活动、责令停产停业、责令关闭、限制从业、
    /// 行政拘留 and fines of 100 万元 or more serious (docs/import.md cites the basis of each).
    /// </summary>
    public static PenaltySeverityTable Default { get; } = new(
        new Dictionary<string, RecordSeverity>(StringComparer.Ordinal)
        {
            ["警告"] = RecordSeverity.Minor,
            ["通报批评"] = RecordSeverity.Minor,
            [FineCategory] = RecordSeverity.General,
            ["没收违法所得"] = RecordSeverity.General,
            ["没收非法财物"] = RecordSeverity.General,
            ["暂扣许可证件"] = RecordSeverity.General,
            ["降低资质等级"] = RecordSeverity.General,
            ["吊销许可证件"] = RecordSeverity.Serious,
            ["限制开展生产经营活动"] = RecordSeverity.Serious,
            ["责令停产停业"] = RecordSeverity.Serious,
            ["责令关闭"] = RecordSeverity.Serious,
            ["限制从业"] = RecordSeverity.Serious,
            ["行政拘留"] = RecordSeverity.Serious,
            ["其他"] = RecordSeverity.General,
        },
        [new FineThreshold(100m, RecordSeverity.Serious)]);

    /// <summary>The class of each penalty category, by name (ordinal comparison).</summary>
    public ImmutableDictionary<string, RecordSeverity> Categories { get; }

    /// <summary>Fine amounts (万元) from which a fine takes another class, in ascending order of amount.</summary>
    public ImmutableArray<FineThreshold> FineThresholds { get; }

    /// <summary>
    /// This table with <paramref name="categories"/> added or replacing the entries of the same name, and, when
    /// <paramref name="fineThresholds"/> is not <see langword="null"/>, those thresholds instead of this table's:
    /// what a rule file's <c>RuleSet.penaltySeverity</c> does to <see cref="Default"/>.
    /// </summary>
    /// <exception cref="ArgumentException">As the constructor.</exception>
    public PenaltySeverityTable With(IEnumerable<KeyValuePair<string, RecordSeverity>> categories, IEnumerable<FineThreshold>? fineThresholds = null)
    {
        Guard.Against.Null(categories);
        var merged = Categories.ToBuilder();
        foreach (var (name, severity) in categories)
        {
            merged[Guard.Against.NullOrWhiteSpace(name, nameof(categories)).Trim()] = severity;
        }

        return new PenaltySeverityTable(merged, fineThresholds ?? FineThresholds);
    }

    /// <summary>
    /// The class of one category: its entry, and for <see cref="FineCategory"/> with an amount, the class of the
    /// highest threshold the amount reaches instead; <see langword="null"/> when the table does not know the category.
    /// </summary>
    /// <param name="category">The category as the data spells it (surrounding spaces ignored).</param>
    /// <param name="fineInTenThousandYuan">The fine in 万元 (罚款金额（万元）), if given.</param>
    public RecordSeverity? SeverityOf(string category, decimal? fineInTenThousandYuan = null)
    {
        Guard.Against.Null(category);
        var key = category.Trim();
        if (!Categories.TryGetValue(key, out var severity))
        {
            return null;
        }

        if (string.Equals(key, FineCategory, StringComparison.Ordinal) && fineInTenThousandYuan is { } amount)
        {
            foreach (var threshold in FineThresholds)
            {
                if (amount >= threshold.AtLeast)
                {
                    severity = threshold.Severity;
                }
            }
        }

        return severity;
    }
}
