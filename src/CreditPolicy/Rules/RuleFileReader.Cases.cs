using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using System;
using CreditPolicy.Measures;
using CreditPolicy.Profiles;
using CreditPolicy.Serialization;
using NodaTime;

namespace CreditPolicy.Rules;

/// <summary>Example cases: profiles read with the profile reader, expectations checked against the rules' codes.</summary>
internal sealed partial class RuleFileReader
{
    private ImmutableArray<RuleCase> ReadCases(JsonElement element, RuleSetHeader header, ImmutableArray<MeasureDefinition> measures)
    {
        if (_caseIn.Elements(element, "$.Cases", null) is not { } items)
        {
            return [];
        }

        var cases = ImmutableArray.CreateBuilder<RuleCase>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"$.Cases[{i}]";
            if (_caseIn.ObjectFields(items[i], path, CaseFields, null) is not { } fields)
            {
                continue;
            }

            var errorsBefore = _caseIn.Errors.Count;
            var name = _caseIn.RequireString(fields, "name", path, null);
            if (name is not null && !names.Add(name))
            {
                _caseIn.Error(path + ".name", null, Messages.Get(Zh, "rules.case-name-twice", name));
            }

            _caseIn.OptionalString(fields, "note", path, null);
            var asOf = fields.TryGetValue("asOf", out var date) ? _caseIn.ReadDate(date, path + ".asOf", null) : _caseIn.Missing<LocalDate?>(path, "asOf", null);
            if (asOf < header.EffectiveFrom)
            {
                _caseIn.Error(path + ".asOf", null, Messages.Get(Zh, "rules.case-before-effective", IsoDate.Format(header.EffectiveFrom)));
            }

            var profile = fields.TryGetValue("profile", out var p) ? ReadCaseProfile(p, path + ".profile") : _caseIn.Missing<CreditProfile>(path, "profile", null);
            var agencies = fields.TryGetValue("filedAgencies", out var a) ? AgencyRegistryJson.Read(a, path + ".filedAgencies", _caseIn) : null;
            var must = ReadCodes(fields, "mustReceive", path, measures, enabledOnly: true);
            var mustNot = ReadCodes(fields, "mustNotReceive", path, measures, enabledOnly: false);
            var revoked = fields.TryGetValue("revokedConveniences", out var rc) ? _caseIn.ReadEnumArray(rc, path + ".revokedConveniences", ContractNames.Conveniences, null) : null;
            foreach (var code in must.Intersect(mustNot, StringComparer.Ordinal))
            {
                _caseIn.Error(path + ".mustNotReceive", null, Messages.Get(Zh, "rules.case-both-lists", code));
            }

            if (!fields.ContainsKey("mustReceive") && !fields.ContainsKey("mustNotReceive") && !fields.ContainsKey("revokedConveniences"))
            {
                _caseIn.Error(path, null, Messages.Get(Zh, "rules.case-expects-nothing"));
            }

            if (_caseIn.Errors.Count == errorsBefore && name is not null && asOf is { } day && profile is not null)
            {
                cases.Add(new RuleCase(name, _caseIn.Lines!.LineOf(path), day, profile, agencies, must, mustNot, revoked) { File = _file });
            }
        }

        return cases.ToImmutable();
    }

    private CreditProfile? ReadCaseProfile(JsonElement element, string path)
    {
        var line = _caseIn.Lines!.LineOf(path);
        var result = ProfileJson.Read(element.GetRawText(), new ProfileReadOptions { FirstLineNumber = line, AllowComments = true, Culture = _culture });
        foreach (var error in result.Errors)
        {
            _caseIn.Add(error with { Path = path + error.Path?[1..] });
        }

        return result.Value;
    }

    private ImmutableArray<string> ReadCodes(Dictionary<string, JsonElement> fields, string name, string path, ImmutableArray<MeasureDefinition> measures, bool enabledOnly)
    {
        if (!fields.TryGetValue(name, out var element) || _caseIn.Elements(element, $"{path}.{name}", null) is not { } items)
        {
            return [];
        }

        var codes = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = $"{path}.{name}[{i}]";
            if (items[i].ValueKind != JsonValueKind.String)
            {
                _caseIn.Error(itemPath, null, Messages.Get(Zh, "rules.case-expected-code"));
                continue;
            }

            var code = items[i].GetString()!;
            var measure = measures.FirstOrDefault(m => m.Code == code);
            if (measure is null)
            {
                // A case citing a code no rule defines is reported only when every rule loaded: a misspelt or
                // duplicated code in a rule (or no rules at all) would otherwise add a message per case (issue 11).
                if (!_failedCodes.Contains(code) && _in.Errors.Count == 0)
                {
                    _caseIn.Error(itemPath, null, Messages.Get(Zh, "rules.case-unknown-code", code));
                }
            }
            else if (enabledOnly && !measure.Enabled)
            {
                _caseIn.Error(itemPath, null, Messages.Get(Zh, "rules.case-disabled-code", code));
            }
            else
            {
                codes.Add(code);
            }
        }

        return codes.ToImmutable();
    }
}
