using System.Text.Json;
using CreditPolicy.Reports;
using CreditPolicy.Serialization;
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
        if (id is null || version is null || source is null || issuer is null || effective is not { } from || agencies is null || publicity is null)
        {
            return null;
        }

        return new RuleSetHeader(id, version, source, issuer, _in.OptionalString(fields, "titleZh", path, null), _in.OptionalString(fields, "titleEn", path, null), from, agencies, publicity);
    }

    private FiledAgencyRegistry? ReadAgencies(JsonElement element, string path) =>
        AgencyRegistryJson.Read(element, path, _in);
}
