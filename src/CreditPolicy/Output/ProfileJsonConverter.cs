using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CreditPolicy.Profiles;
using CreditPolicy.Serialization;

namespace CreditPolicy.Output;

/// <summary>
/// Lets <see cref="JsonSerializer"/> read and write a <see cref="CreditProfile"/> in the contract's profile
/// JSON, through <see cref="ProfileJson"/> (one source of that JSON). Add it with
/// <see cref="CreditPolicyJson.AddConverters"/>.
/// </summary>
/// <remarks>
/// Reading checks everything <see cref="ProfileJson.Read(ReadOnlySpan{byte}, ProfileReadOptions?)"/> checks; a
/// profile with problems throws a <see cref="JsonException"/> whose message lists each one, located
/// (lines counted from the profile's first line). Writing masks a natural person's identity number unless
/// <see cref="ProfileWriteOptions.RevealPersonalIdentifiers"/> says otherwise (R8, C5), so a written profile
/// reads back whole only when it names no natural person or reveals them. Immutable and thread-safe.
/// </remarks>
public sealed class ProfileJsonConverter : JsonConverter<CreditProfile>
{
    /// <summary>Creates the converter.</summary>
    /// <param name="read">How profiles are read; <see cref="ProfileReadOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="write">How profiles are written; <see cref="ProfileWriteOptions.Default"/> (ids masked) when <see langword="null"/>.</param>
    public ProfileJsonConverter(ProfileReadOptions? read = null, ProfileWriteOptions? write = null)
    {
        ReadOptions = read ?? ProfileReadOptions.Default;
        WriteOptions = write ?? ProfileWriteOptions.Default;
    }

    /// <summary>How profiles are read.</summary>
    public ProfileReadOptions ReadOptions { get; }

    /// <summary>How profiles are written.</summary>
    public ProfileWriteOptions WriteOptions { get; }

    /// <summary>Reads one profile with <see cref="ProfileJson"/>.</summary>
    /// <exception cref="JsonException">The profile has problems: each is in the message, as <see cref="InputError.ToString"/> shows it.</exception>
    public override CreditProfile Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var result = ProfileJson.Read(Encoding.UTF8.GetBytes(document.RootElement.GetRawText()), ReadOptions);
        return result.Value ?? throw new JsonException("The profile has problems: " + string.Join("; ", result.Errors.Select(e => e.ToString())));
    }

    /// <summary>Writes <paramref name="value"/> with <see cref="ProfileJson.Write(Utf8JsonWriter, CreditProfile, ProfileWriteOptions?)"/>.</summary>
    public override void Write(Utf8JsonWriter writer, CreditProfile value, JsonSerializerOptions options) => ProfileJson.Write(writer, value, WriteOptions);
}
