using System;
using System.Collections.Generic;
using System.Linq;

namespace CreditPolicy.Serialization;

/// <summary>The fields an object of a rule file may have, and the RulesEngine fields CreditPolicy rejects by name.</summary>
internal sealed class Fields(string[] known, string[] rejected)
{
    internal HashSet<string> Known { get; } = new(known, StringComparer.Ordinal);

    internal HashSet<string> Rejected { get; } = new(rejected, StringComparer.Ordinal);

    /// <summary>" (did you mean 'X'?)" for a field within two edits of a known one, or differing only in case.</summary>
    internal string? Suggestion(string name)
    {
        var best = Known
            .Select(k => (k, distance: string.Equals(k, name, StringComparison.OrdinalIgnoreCase) ? 0 : Distance(k, name)))
            .OrderBy(p => p.distance)
            .FirstOrDefault();
        return best.k is not null && best.distance <= 2 ? best.k : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
