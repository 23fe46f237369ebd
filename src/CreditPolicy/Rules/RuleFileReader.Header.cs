using System;
using System.Collections.Immutable;
using System.Text.Json;
using CreditPolicy.Measures;
using CreditPolicy.Records;
using CreditPolicy.Reports;
using CreditPolicy.Serialization;
using CreditPolicy.Subjects;
using NodaTime;

namespace CreditPolicy.Rules;

/// <summary>The rule set header: id, version, source, issuer, dates, filed agencies.</summary>
internal sealed partial class RuleFileReader
{
    private RuleSetHeader? ReadHeader(JsonElement element)
    {
        const string path = "$.RuleSet";
        if (_in.ObjectFields(element, path, HeaderFields, null) is not { } fields)
        {
            return null;
        }

        var id = _in.RequireString(fields, "id", path, null);
        var version = _in.RequireString(fields, "version", path, null);
        var source = _in.RequireString(fields, "source", path, null);
        var issuer = _in.RequireString(fields, "issuer", path, null);
        var effective = fields.TryGetValue("effectiveFrom", out var date) ? _in.ReadDate(date, path + ".effectiveFrom", null) : _in.Missing<LocalDate?>(path, "effectiveFrom", null);
        var agencies = fields.TryGetValue("filedAgencies", out var list) ? ReadAgencies(list, path + ".filedAgencies") : FiledAgencyRegistry.Empty;
        var publicity = fields.TryGetValue("publicityPolicy", out var policy) ? ReadHeaderPublicityPolicy(policy, path + ".publicityPolicy") : NationalPublicity.Policy;
        _in.OptionalString(fields, "note", path, null);
        var clauses = fields.TryGetValue("clauses", out var declared) ? ReadClauses(declared, path + ".clauses") : [];
        var level = fields.TryGetValue("level", out var levelElement) ? _in.ReadEnum(levelElement, path + ".level", RuleSetLevels.Spelling, null) : RuleSetLevel.County;
        var penaltySeverity = fields.TryGetValue("penaltySeverity", out var severityTable) ? ReadPenaltySeverity(severityTable, path + ".penaltySeverity") : PenaltySeverityTable.Default;
        if (id is null || version is null || source is null || issuer is null || effective is not { } from || agencies is null || publicity is null || level is not { } setLevel || penaltySeverity is null)
        {
            return null;
        }

        return new RuleSetHeader(id, version, source, issuer, _in.OptionalString(fields, "titleZh", path, null), _in.OptionalString(fields, "titleEn", path, null), from, agencies, publicity) { Clauses = clauses, Level = setLevel, PenaltySeverity = penaltySeverity };
    }

    /// <summary>
    /// The clause ids the rule set declares (<c>RuleSet.clauses</c>: id, source, Chinese text), which its rules
    /// may cite besides the policy's: a national rule set cites its own document's paragraphs.
    /// </summary>
    private ImmutableArray<ClauseDeclaration> ReadClauses(JsonElement element, string path)
    {
        if (_in.Elements(element, path, null) is not { } items)
        {
            return [];
        }

        var declarations = ImmutableArray.CreateBuilder<ClauseDeclaration>();
        for (var i = 0; i < items.Count; i++)
        {
            var at = $"{path}[{i}]";
            if (_in.ObjectFields(items[i], at, ClauseFields, null) is not { } fields)
            {
                continue;
            }

            var id = _in.RequireString(fields, "id", at, null);
            var source = _in.RequireString(fields, "source", at, null);
            var textZh = _in.RequireString(fields, "textZh", at, null);
            var textEn = _in.OptionalString(fields, "textEn", at, null);
            var kind = fields.TryGetValue("kind", out var k) ? _in.ReadEnum(k, at + ".kind", ContractNames.MeasureKinds, null) : null;
            if (id is null || source is null || textZh is null || (fields.ContainsKey("kind") && kind is null))
            {
                continue;
            }

            if (ClauseId.TryParse(id, out _))
            {
                _in.Error(at + ".id", null, Messages.Get(Zh, "rules.declared-policy-clause", id));
            }
            else if (!Whole(DeclaredClausePattern(), id) || id.Length > MaxDeclaredClauseLength)
            {
                _in.Error(at + ".id", null, Messages.Get(Zh, "rules.bad-declared-clause", Shortened(id), MaxDeclaredClauseLength));
            }
            else if (PolicyLikeClausePattern().IsMatch(id))
            {
                _in.Error(at + ".id", null, Messages.Get(Zh, "rules.declared-policy-like-clause", id));
            }
            else if (!string.Equals(PersonalIds.Redact(id), id, StringComparison.Ordinal))
            {
                // Clause ids are written whole in every decision and diff, never masked: none may hold a personal number (R8).
                _in.Error(at + ".id", null, Messages.Get(Zh, "rules.clause-shaped-like-id", PersonalIds.ForMessage(id)));
            }
            else if (_declaredClauses.ContainsKey(id))
            {
                _in.Error(at + ".id", null, Messages.Get(Zh, "rules.clause-declared-twice", id));
            }
            else
            {
                var declaration = new ClauseDeclaration(ClauseId.Declared(id), source, textZh, textEn, kind);
                _declaredClauses.Add(id, declaration);
                declarations.Add(declaration);
            }
        }

        return declarations.ToImmutable();
    }

    private FiledAgencyRegistry? ReadAgencies(JsonElement element, string path) =>
        AgencyRegistryJson.Read(element, path, _in);
}
