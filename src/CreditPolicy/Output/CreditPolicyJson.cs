using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Ardalis.GuardClauses;
using CreditPolicy.Serialization;

namespace CreditPolicy.Output;

/// <summary>
/// <see cref="JsonSerializer"/> speaking the contract (docs/contract): decisions and profiles written as the
/// tool writes them, with natural persons' identity numbers masked by default (R8), instead of the
/// serializer's own view of the model (enum numbers, calendar objects, unmasked ids).
/// </summary>
/// <remarks>
/// With <see cref="Options"/>, <c>JsonSerializer.Serialize(decision, CreditPolicyJson.Options)</c> is byte for
/// byte the line <c>creditpolicy evaluate</c> writes for the same profile. In ASP.NET Core:
/// <c>services.ConfigureHttpJsonOptions(o =&gt; CreditPolicyJson.AddConverters(o.SerializerOptions))</c>.
/// Thread-safe.
/// </remarks>
public static class CreditPolicyJson
{
    /// <summary>
    /// Ready, read-only options: web defaults (camelCase, for an app's own types beside ours), the converters of
    /// <see cref="AddConverters"/> with their defaults, and the encoder of every JSON the library writes
    /// (Chinese as is, see <see cref="ProfileJson.WriterOptions"/>).
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>
    /// Adds <see cref="DecisionJsonConverter"/> and <see cref="ProfileJsonConverter"/> to
    /// <paramref name="options"/>, leaving everything else as it is (set its encoder to
    /// <see cref="System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/> too for output
    /// byte-identical to the tool's; the default encoder escapes Chinese as <c>\uXXXX</c>, the same JSON).
    /// </summary>
    /// <param name="options">Options that are not yet in use (not read-only).</param>
    /// <param name="decisions">How decisions are written; <see cref="DecisionWriteOptions.Default"/> (masked) when <see langword="null"/>.</param>
    /// <param name="profilesRead">How profiles are read; <see cref="ProfileReadOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="profilesWrite">How profiles are written; <see cref="ProfileWriteOptions.Default"/> (masked) when <see langword="null"/>.</param>
    /// <returns><paramref name="options"/>, for chaining.</returns>
    /// <exception cref="System.InvalidOperationException"><paramref name="options"/> is read-only (already used).</exception>
    public static JsonSerializerOptions AddConverters(
        JsonSerializerOptions options,
        DecisionWriteOptions? decisions = null,
        ProfileReadOptions? profilesRead = null,
        ProfileWriteOptions? profilesWrite = null)
    {
        Guard.Against.Null(options);
        options.Converters.Add(new DecisionJsonConverter(decisions));
        options.Converters.Add(new ProfileJsonConverter(profilesRead, profilesWrite));
        return options;
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = AddConverters(new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Encoder = ProfileJson.Encoder,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        });
        options.MakeReadOnly();
        return options;
    }
}
