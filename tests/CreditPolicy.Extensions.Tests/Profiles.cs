using System.IO;
using System.Linq;
using System.Text;
using CreditPolicy.Profiles;
using CreditPolicy.Serialization;

namespace CreditPolicy.Extensions.Tests;

/// <summary>Profiles the tests evaluate.</summary>
internal static class Profiles
{
    /// <summary>A valid resident identity number: it must never reach a log whole (R8).</summary>
    internal const string ResidentId = "410425198503151233";

    /// <summary>An enterprise with a general administrative penalty still published on 2026-11-27 (R7.1, R7.2).</summary>
    internal const string Penalised =
        """{"subject":{"name":"郏县示例建材有限公司","kind":"enterprise","idType":"uscc","id":"91410425MA3X12345R"},"creditCheckedOn":"2026-11-20","records":[{"id":"rec-1","category":"administrative-penalty","decidedOn":"2026-06-01"}]}""";

    /// <summary>A natural person with no records.</summary>
    internal const string Person =
        """{"subject":{"name":"张三","kind":"natural-person","idType":"resident-id","id":"410425198503151233"},"creditCheckedOn":"2026-11-20"}""";

    /// <summary>A natural person's profile with an impossible date.</summary>
    internal const string BrokenPerson =
        """{"subject":{"name":"张三","kind":"natural-person","idType":"resident-id","id":"410425198503151233"},"records":[{"id":"410425198503151233","category":"other-negative","decidedOn":"2026-02-30"}]}""";

    internal static CreditProfile Read(string json) => ProfileJson.Read(json).Value!;

    internal static Stream Lines(params string[] profiles) => new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", profiles.Select(p => p)) + "\n"));
}
