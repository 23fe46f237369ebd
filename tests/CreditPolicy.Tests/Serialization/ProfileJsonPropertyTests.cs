using System;
using CreditPolicy.Serialization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CreditPolicy.Tests.Serialization;

public sealed class ProfileJsonPropertyTests
{
    private static readonly ProfileWriteOptions Stored = new() { RevealPersonalIdentifiers = true };

    [Property(MaxTest = 300)]
    public Property Contract_Profile_JSON_round_trips() =>
        Prop.ForAll(Arb.From(Generators.Profiles), profile =>
        {
            var json = ProfileJson.Write(profile, Stored);
            var read = ProfileJson.Read(json);
            return read.Succeeded
                && ProfileJson.Write(read.Value, Stored) == json
                && read.Value.Records.Length == profile.Records.Length
                && read.Value.Subject.Identifier.Equals(profile.Subject.Identifier);
        });

    [Property(MaxTest = 300)]
    public Property R8_Published_profile_JSON_never_contains_a_personal_number_whole() =>
        Prop.ForAll(Arb.From(Generators.Profiles), profile =>
        {
            var published = ProfileJson.Write(profile);
            var subject = profile.Subject.Identifier;
            var subjectHidden = !subject.IsPersonal || !published.Contains(subject.RevealUnmasked(), StringComparison.Ordinal);
            var agentsHidden = true;
            foreach (var commitment in profile.Commitments)
            {
                agentsHidden &= commitment.Agent is null || !published.Contains(commitment.Agent.Identifier.RevealUnmasked(), StringComparison.Ordinal);
            }

            return subjectHidden && agentsHidden;
        });
}
