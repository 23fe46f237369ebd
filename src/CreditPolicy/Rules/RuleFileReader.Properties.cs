using System.Text.Json;
using System;
using CreditPolicy.Measures;
using CreditPolicy.Serialization;
using CreditPolicy.Subjects;

namespace CreditPolicy.Rules;

/// <summary>A rule's Properties: the measure it defines (code, kind, clause, titles, evidence, revocations).</summary>
internal sealed partial class RuleFileReader
{
    /// <summary>A measure kind in the messages' language (激励, 惩戒 in Chinese).</summary>
    private string KindText(MeasureKind kind) => kind == MeasureKind.Incentive ? Messages.Get(Zh, "kind.incentive") : Messages.Get(Zh, "kind.penalty");

    private MeasureDefinition? ReadProperties(JsonElement element, string path, string ruleName, bool enabled, string? expression, (string? Nested, string? Local) logic, int line)
    {
        if (_in.ObjectFields(element, path, PropertyFields, ruleName) is not { } fields)
        {
            return null;
        }

        var code = _in.RequireString(fields, "code", path, ruleName);
        var kind = fields.TryGetValue("kind", out var k) ? _in.ReadEnum(k, path + ".kind", ContractNames.MeasureKinds, ruleName) : _in.Missing<MeasureKind?>(path, "kind", ruleName);
        var clauseText = _in.RequireString(fields, "clause", path, ruleName);
        var titleZh = _in.RequireString(fields, "titleZh", path, ruleName);
        var titleEn = _in.RequireString(fields, "titleEn", path, ruleName);
        var evidence = fields.TryGetValue("evidence", out var e) ? _in.ReadEnumArray(e, path + ".evidence", ContractNames.EvidenceSets, ruleName) : [];
        var revokes = fields.TryGetValue("revokes", out var r) ? _in.ReadEnumArray(r, path + ".revokes", ContractNames.Conveniences, ruleName) : [];
        _in.OptionalString(fields, "note", path, ruleName);

        ClauseId clause = default;
        ClauseDeclaration? declared = null;
        if (clauseText is not null && !ClauseId.TryParse(clauseText, out clause))
        {
            if (!_declaredClauses.TryGetValue(clauseText, out declared))
            {
                _in.Error(path + ".clause", ruleName, _declaredClauses.Count == 0
                    ? Messages.Get(Zh, "rules.bad-clause", clauseText)
                    : Messages.Get(Zh, "rules.bad-clause-declared", clauseText, string.Join(", ", _declaredClauses.Keys)));
                return null;
            }

            clause = declared.Id;
        }

        if (code is null || kind is not { } measureKind || clauseText is null || titleZh is null || titleEn is null || evidence is not { } evidenceSets || revokes is not { } revoked)
        {
            return null;
        }

        var kindName = ContractNames.MeasureKinds.Name(measureKind);
        var ok = true;
        if (!Whole(CodePattern(), code) || !code.StartsWith(kindName + ".", StringComparison.Ordinal))
        {
            ok = _in.Error(path + ".code", ruleName, Messages.Get(Zh, "rules.bad-code", code, kindName));
        }
        else if (!string.Equals(PersonalIds.Redact(code), code, StringComparison.Ordinal))
        {
            // Codes are written whole in every decision and diff, never masked (they are what apps match on): none may hold a personal number (R8).
            ok = _in.Error(path + ".code", ruleName, Messages.Get(Zh, "rules.code-shaped-like-id", code));
        }

        if (declared is not null)
        {
            if (declared.Kind is { } clauseKind && clauseKind != measureKind)
            {
                ok = _in.Error(path + ".clause", ruleName, Messages.Get(Zh, "rules.declared-clause-kind", clause, KindText(clauseKind), KindText(measureKind)));
            }
        }
        else if (measureKind == MeasureKind.Incentive ? !clause.IsIncentiveClause : !clause.IsPenaltyClause)
        {
            ok = _in.Error(path + ".clause", ruleName, measureKind == MeasureKind.Incentive
                ? Messages.Get(Zh, "rules.incentive-clause", clause)
                : Messages.Get(Zh, "rules.penalty-clause", clause));
        }

        if (ContractCodes.TryGetValue(code, out var contractClause) && contractClause != clauseText)
        {
            ok = _in.Error(path + ".clause", ruleName, Messages.Get(Zh, "rules.contract-clause", code, contractClause));
        }

        if (!revoked.IsEmpty && measureKind != MeasureKind.Penalty)
        {
            ok = _in.Error(path + ".revokes", ruleName, Messages.Get(Zh, "rules.revokes-penalty-only"));
        }

        if (code == "penalty.revoke-conveniences" && revoked.IsEmpty)
        {
            ok = _in.Error(path, ruleName, Messages.Get(Zh, "rules.revoke-needs-revokes"));
        }

        return ok ? new MeasureDefinition(ruleName, enabled, expression, code, measureKind, clause, titleZh, titleEn, evidenceSets, revoked, logic.Nested, logic.Local, line) { RuleSetId = _ruleSetId } : null;
    }
}
