using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using CreditPolicy.Evaluation;
using CreditPolicy.Profiles;
using CreditPolicy.Subjects;

namespace CreditPolicy.Output;

/// <summary>Hands the contract's converters down to the model types marked <see cref="ContractJsonAttribute"/> (issue 12).</summary>
internal static class ContractJsonRegistration
{
    /// <summary>Runs when the library loads, before any type of it is serialized: it only sets a delegate.</summary>
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries", Justification = "The model types carry [ContractJson] and need their converters before System.Text.Json first looks at them; the initializer only stores a delegate (no I/O, no other side effect).")]
    internal static void Register() => ContractJsonAttribute.Converters = type =>
        type == typeof(AdvisoryDecision) ? new DecisionJsonConverter()
        : type == typeof(CreditProfile) ? new ProfileJsonConverter()
        : type == typeof(Subject) ? new SubjectJsonConverter()
        : null;

    /// <summary>A subject as a decision shows it (<c>name</c>, <c>kind</c>, <c>idType</c>, <c>id</c> masked); read subjects as part of a profile.</summary>
    private sealed class SubjectJsonConverter : JsonConverter<Subject>
    {
        public override Subject Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("A subject is read as part of a profile (CreditProfile, ProfileJson.Read), where its identifier is checked.");

        public override void Write(Utf8JsonWriter writer, Subject value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            DecisionJson.WriteSubjectFields(writer, value, null);
            writer.WriteEndObject();
        }
    }
}
