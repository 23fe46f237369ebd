using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using CreditPolicy.Records;
using CreditPolicy.Serialization;
using NodaTime;
using NodaTime.Text;

namespace CreditPolicy.Rules;

/// <summary>
/// Reading a publicity policy (contract v2, "Publicity policy"): inline as the rule file's
/// <c>RuleSet.publicityPolicy</c> object, by the name of a national policy the library ships, or as a
/// policy file of its own (<c>rules/national/publicity-policy.json</c>).
/// </summary>
internal sealed partial class RuleFileReader
{
    private static readonly Fields PolicyFields = new(["$schema", "id", "titleZh", "titleEn", "note", "regimes"], []);

    private static readonly Fields RegimeFields = new(["id", "source", "effectiveFrom", "basis", "note", "maxima"], []);

    // Indexed by PublicityInformation.
    private static readonly string[] InformationNames = ["administrative-penalty", "other-negative", "commitment-breach"];

    private static readonly Fields InformationFields = new(InformationNames, []);

    private static readonly Fields ClassFields = new(["minor", "general", "serious"], []);

    private static readonly PublicityInformation[] InformationOrder =
        [PublicityInformation.AdministrativePenalty, PublicityInformation.OtherNegative, PublicityInformation.CommitmentBreach];

    /// <summary>Reads the whole file as a publicity policy.</summary>
    internal ReadResult<PublicityPolicy> ReadPublicityPolicyFile()
    {
        using var document = _in.Open(_bytes);
        var policy = document is null ? null : ReadPublicityPolicy(document.Root, "$");
        return new(policy, _in.Sorted());
    }

    /// <summary>The header's <c>publicityPolicy</c>: the name of a shipped national policy, or a policy inline.</summary>
    private PublicityPolicy? ReadHeaderPublicityPolicy(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            var name = element.GetString();
            if (string.Equals(name, NationalPublicity.Policy.Id, StringComparison.Ordinal))
            {
                return NationalPublicity.Policy;
            }

            _in.Error(path, null, Messages.Get(Zh, "rules.unknown-publicity-policy", name, NationalPublicity.Policy.Id));
            return null;
        }

        return ReadPublicityPolicy(element, path);
    }

    private PublicityPolicy? ReadPublicityPolicy(JsonElement element, string path)
    {
        if (_in.ObjectFields(element, path, PolicyFields, null) is not { } fields)
        {
            return null;
        }

        _in.OptionalString(fields, "$schema", path, null); // for editors; only its type is checked, as in a rule file
        var id = _in.RequireString(fields, "id", path, null);
        _in.OptionalString(fields, "titleZh", path, null);
        _in.OptionalString(fields, "titleEn", path, null);
        _in.OptionalString(fields, "note", path, null);
        var regimes = new List<PublicityRegime>();
        var ok = true;
        if (!fields.TryGetValue("regimes", out var list))
        {
            ok = _in.Missing<bool>(path, "regimes", null);
        }
        else if (_in.Elements(list, path + ".regimes", null) is { } items)
        {
            for (var i = 0; i < items.Count; i++)
            {
                var at = $"{path}.regimes[{i}]";
                if (ReadRegime(items[i], at) is not { } regime)
                {
                    ok = false;
                }
                else if (regimes.FirstOrDefault(r => r.EffectiveFrom == regime.EffectiveFrom || string.Equals(r.Id, regime.Id, StringComparison.Ordinal)) is { } clash)
                {
                    ok = _in.Error(at, null, Messages.Get(Zh, "rules.regime-clash", regime.Id, clash.Id));
                }
                else
                {
                    regimes.Add(regime);
                }
            }
        }
        else
        {
            ok = false;
        }

        return ok && id is not null ? new PublicityPolicy(id, regimes) : null;
    }

    private PublicityRegime? ReadRegime(JsonElement element, string path)
    {
        if (_in.ObjectFields(element, path, RegimeFields, null) is not { } fields)
        {
            return null;
        }

        var id = _in.RequireString(fields, "id", path, null);
        var source = _in.RequireString(fields, "source", path, null);
        var basis = _in.OptionalString(fields, "basis", path, null);
        _in.OptionalString(fields, "note", path, null);
        var from = fields.TryGetValue("effectiveFrom", out var date) ? _in.ReadDate(date, path + ".effectiveFrom", null) : _in.Missing<LocalDate?>(path, "effectiveFrom", null);
        var maxima = new List<PublicityMaximum>();
        var ok = true;
        if (!fields.TryGetValue("maxima", out var maximaElement))
        {
            ok = _in.Missing<bool>(path, "maxima", null);
        }
        else if (_in.ObjectFields(maximaElement, path + ".maxima", InformationFields, null) is { } byInformation)
        {
            foreach (var information in InformationOrder)
            {
                var name = InformationNames[(int)information];
                if (byInformation.TryGetValue(name, out var classes))
                {
                    ok &= ReadClasses(classes, $"{path}.maxima.{name}", information, maxima);
                }
            }
        }
        else
        {
            ok = false;
        }

        return ok && id is not null && source is not null && from is { } effective
            ? new PublicityRegime(id, source, effective, maxima, basis)
            : null;
    }

    private bool ReadClasses(JsonElement element, string path, PublicityInformation information, List<PublicityMaximum> into)
    {
        if (_in.ObjectFields(element, path, ClassFields, null) is not { } fields)
        {
            return false;
        }

        var ok = true;
        foreach (var (name, severity) in new[] { ("minor", RecordSeverity.Minor), ("general", RecordSeverity.General), ("serious", RecordSeverity.Serious) })
        {
            if (!fields.TryGetValue(name, out var value))
            {
                continue;
            }

            var period = value.ValueKind == JsonValueKind.String && PeriodPattern.NormalizingIso.Parse(value.GetString()!) is { Success: true } parsed ? parsed.Value : null;
            if (period is null)
            {
                ok = _in.Error($"{path}.{name}", null, Messages.Get(Zh, "rules.expected-period", Truncate(value.GetRawText())));
            }
            else if (PublicityRegime.CheckPeriodIn(period, Zh) is { } problem)
            {
                ok = _in.Error($"{path}.{name}", null, problem);
            }
            else
            {
                into.Add(new PublicityMaximum(information, severity, period));
            }
        }

        return ok;
    }

    private static string Truncate(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
