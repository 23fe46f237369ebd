using System.Linq;
using System.Text.Json;
using System.Threading;
using System;

namespace CreditPolicy.Tests.Evaluation;

/// <summary>What the attack tests share: a test rule file's header, and reads raced on many threads.</summary>
internal static class AttackHelpers
{
    /// <summary>The sample registry of filed agencies the attack tests evaluate with (R3).</summary>
    internal static readonly CreditPolicy.Reports.FiledAgencyRegistry Agencies = new([new CreditPolicy.Reports.CreditServiceAgency("示例信用评级有限公司", "PBC-HN-2021-001")]);

    /// <summary>Every evidence set a rule may ask for, in the rule file's spelling.</summary>
    internal static readonly string[] EvidenceSets =
    [
        "activeNegativeRecords", "activeSeriousNegativeRecords", "activePositiveRecords", "breachedCommitments",
        "badCreditRecords", "countingReports", "falseCommitments",
    ];

    /// <summary>Writes <c>WorkflowName</c> and the <c>RuleSet</c> object of a test rule set named <paramref name="id"/>, in force since R9's day.</summary>
    internal static void WriteRuleSetHeader(Utf8JsonWriter w, string id)
    {
        w.WriteString("WorkflowName", id);
        w.WriteStartObject("RuleSet");
        w.WriteString("id", id);
        w.WriteString("version", "1.0.0");
        w.WriteString("source", "测试");
        w.WriteString("titleZh", "测试");
        w.WriteString("titleEn", "test");
        w.WriteString("issuer", "测试");
        w.WriteString("effectiveFrom", "2022-03-11");
        w.WriteString("publicityPolicy", "cn-national-publicity");
        w.WriteEndObject();
    }

    /// <summary>Writes a test rule's <c>Properties</c> object: its measure's code, kind, clause, test titles, evidence sets and the conveniences it revokes, if any.</summary>
    internal static void WriteMeasureProperties(Utf8JsonWriter w, string code, string kind, string clause, System.Collections.Generic.IEnumerable<string> evidence, System.Collections.Generic.IEnumerable<string>? revokes = null)
    {
        w.WriteStartObject("Properties");
        w.WriteString("code", code);
        w.WriteString("kind", kind);
        w.WriteString("clause", clause);
        w.WriteString("titleZh", "测试");
        w.WriteString("titleEn", "test");
        w.WriteStartArray("evidence");
        foreach (var e in evidence)
        {
            w.WriteStringValue(e);
        }

        w.WriteEndArray();
        if (revokes is not null)
        {
            w.WriteStartArray("revokes");
            foreach (var convenience in revokes)
            {
                w.WriteStringValue(convenience);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    /// <summary>Runs <paramref name="read"/> on <paramref name="threads"/> threads released at once; what each read.</summary>
    internal static T[] ReadTogether<T>(int threads, Func<T> read)
    {
        var results = new T[threads];
        using var start = new Barrier(threads);
        var running = Enumerable.Range(0, threads).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            results[i] = read();
        })).ToArray();
        foreach (var t in running)
        {
            t.Start();
        }

        foreach (var t in running)
        {
            t.Join();
        }

        return results;
    }
}
