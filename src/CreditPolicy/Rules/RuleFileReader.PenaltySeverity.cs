using System.Collections.Generic;
using System.Text.Json;
using CreditPolicy.Records;
using CreditPolicy.Serialization;

namespace CreditPolicy.Rules;

/// <summary>
/// The header's <c>penaltySeverity</c>: the classes of administrative-penalty categories and fine amounts that
/// change <see cref="PenaltySeverityTable.Default"/> (docs/import.md).
/// </summary>
internal sealed partial class RuleFileReader
{
    private static readonly Fields PenaltySeverityFields = new(["categories", "fineThresholds", "note"], []);

    private static readonly Fields FineThresholdFields = new(["atLeast", "severity"], []);

    private PenaltySeverityTable? ReadPenaltySeverity(JsonElement element, string path)
    {
        if (_in.ObjectFields(element, path, PenaltySeverityFields, null) is not { } fields)
        {
            return null;
        }

        _in.OptionalString(fields, "note", path, null);
        var ok = true;
        var categories = new List<KeyValuePair<string, RecordSeverity>>();
        if (fields.TryGetValue("categories", out var map))
        {
            if (map.ValueKind != JsonValueKind.Object)
            {
                ok = _in.Error(path + ".categories", null, ReadMessages.ExpectedObject(Zh));
            }
            else
            {
                var seen = new HashSet<string>(System.StringComparer.Ordinal);
                foreach (var entry in map.EnumerateObject())
                {
                    var at = $"{path}.categories.{entry.Name}";
                    if (string.IsNullOrWhiteSpace(entry.Name) || !seen.Add(entry.Name.Trim()))
                    {
                        ok = _in.Error(at, null, Messages.Get(Zh, "rules.penalty-category-name"));
                    }
                    else if (_in.ReadEnum(entry.Value, at, ContractNames.Severities, null) is { } severity)
                    {
                        categories.Add(new(entry.Name.Trim(), severity));
                    }
                    else
                    {
                        ok = false;
                    }
                }
            }
        }

        List<FineThreshold>? thresholds = null;
        if (fields.TryGetValue("fineThresholds", out var list))
        {
            thresholds = [];
            ok &= ReadFineThresholds(list, path + ".fineThresholds", thresholds);
        }

        return ok ? PenaltySeverityTable.Default.With(categories, thresholds) : null;
    }

    private bool ReadFineThresholds(JsonElement list, string path, List<FineThreshold> into)
    {
        if (_in.Elements(list, path, null) is not { } items)
        {
            return false;
        }

        var ok = true;
        for (var i = 0; i < items.Count; i++)
        {
            var at = $"{path}[{i}]";
            if (_in.ObjectFields(items[i], at, FineThresholdFields, null) is not { } fields)
            {
                ok = false;
                continue;
            }

            decimal? amount = null;
            if (!fields.TryGetValue("atLeast", out var number))
            {
                ok = _in.Missing<bool>(at, "atLeast", null);
            }
            else if (number.ValueKind != JsonValueKind.Number || !number.TryGetDecimal(out var value) || value < 0)
            {
                ok = _in.Error(at + ".atLeast", null, Messages.Get(Zh, "rules.fine-amount"));
            }
            else if (into.Exists(t => t.AtLeast == value))
            {
                ok = _in.Error(at + ".atLeast", null, Messages.Get(Zh, "rules.fine-amount-twice"));
            }
            else
            {
                amount = value;
            }

            var severity = fields.TryGetValue("severity", out var s) ? _in.ReadEnum(s, at + ".severity", ContractNames.Severities, null) : _in.Missing<RecordSeverity?>(at, "severity", null);
            if (amount is { } a && severity is { } c)
            {
                into.Add(new FineThreshold(a, c));
            }
            else
            {
                ok = false;
            }
        }

        return ok;
    }
}
