using System;
using System.Linq;
using CreditPolicy.Commitments;
using CreditPolicy.Records;
using CreditPolicy.Reports;
using CreditPolicy.Serialization;
using CreditPolicy.Subjects;
using NodaTime;
using Xunit;

namespace CreditPolicy.Tests.Serialization;

public sealed class ProfileJsonTests
{
    private const string Person = "410425198503151233";

    private static InputError SingleError(string json, ProfileReadOptions? options = null)
    {
        var result = ProfileJson.Read(json, options);
        Assert.False(result.Succeeded);
        return Assert.Single(result.Errors);
    }

    private static string Minimal(string rest = "") =>
        "{\n  \"subject\": { \"name\": \"某公司\", \"kind\": \"enterprise\", \"idType\": \"uscc\", \"id\": \"914403001922038216\", \"supervisingDepartment\": \"郏县市场监督管理局\" }" + rest + "\n}";

    [Fact]
    public void Contract_The_example_profile_reads_with_every_field()
    {
        var result = ProfileJson.Read(Fixtures.Read("contract/profile.example.json"));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var profile = result.Value;
        Assert.Equal("郏县示例建材有限公司", profile.Subject.Name);
        Assert.Equal(SubjectKind.Enterprise, profile.Subject.Kind);
        Assert.Equal("91410425MA3X12345R", profile.Subject.Identifier.Uscc!.Value.Value);
        Assert.Equal("郏县市场监督管理局", profile.Subject.SupervisingDepartment);

        Assert.Equal(2, profile.Records.Length);
        var penalty = profile.Records[0];
        Assert.Equal(("rec-2025-0117", CreditRecordCategory.AdministrativePenalty, RecordSeverity.General), (penalty.Id, penalty.Category, penalty.Severity!.Value));
        Assert.Equal(new LocalDate(2026, 5, 31), penalty.PublicUntil);
        Assert.Equal(RecordPolarity.Positive, profile.Records[1].Polarity);

        var report = Assert.Single(profile.Reports);
        Assert.Equal((CreditReportKind.Enterprise, CreditRating.AA, "PBC-HN-2021-001"), (report.Kind, report.Rating, report.Agency!.FilingNumber));
        Assert.Equal(new LocalDate(2027, 2, 28), report.ValidUntil);

        var commitment = Assert.Single(profile.Commitments);
        Assert.Equal(CommitmentType.AcceptanceWithMissingMaterials, commitment.Type);
        Assert.Equal(["消防安全检查合格证明"], commitment.MissingMaterials.ToArray());
        Assert.Equal(new LocalDate(2026, 10, 26), commitment.RemedyDeadline);
        Assert.Equal("张三", commitment.Agent!.Name);
        Assert.Equal(Person, commitment.Agent.Identifier.RevealUnmasked());
        Assert.Equal(CommitmentStatus.Fulfilled, commitment.StatusOn(new LocalDate(2026, 11, 27)));

        Assert.Equal([Convenience.GreenChannel], profile.Conveniences.ToArray());
    }

    [Fact]
    public void Contract_Unknown_fields_are_ignored_at_every_level()
    {
        var json = "{\"extra\":{\"deep\":[1,2,{\"x\":null}]},\"subject\":{\"name\":\"某公司\",\"nickname\":\"x\",\"kind\":\"enterprise\",\"idType\":\"uscc\",\"id\":\"914403001922038216\"},"
            + "\"records\":[{\"id\":\"r1\",\"category\":\"commendation\",\"decidedOn\":\"2026-01-01\",\"note\":[\"a\"]}]}";

        var result = ProfileJson.Read(json);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Single(result.Value.Records);
    }

    [Fact]
    public void Contract_Optional_arrays_may_be_absent_or_null()
    {
        var result = ProfileJson.Read(Minimal(",\n  \"records\": null"));

        Assert.True(result.Succeeded);
        Assert.Empty(result.Value.Records);
        Assert.Empty(result.Value.Commitments);
    }

    [Fact]
    public void Contract_A_missing_required_field_is_named_with_its_object_path_and_line()
    {
        var error = SingleError(Minimal(",\n  \"records\": [\n    { \"id\": \"r1\", \"category\": \"commendation\" }\n  ]"));

        Assert.Equal("$.records[0]", error.Path);
        Assert.Equal(4, error.Line);
        Assert.Contains("Missing required field 'decidedOn'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Contract_A_missing_subject_is_reported()
    {
        var error = SingleError("{ \"records\": [] }");

        Assert.Equal("$", error.Path);
        Assert.Contains("'subject'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Contract_An_unknown_enum_value_is_reported_with_the_allowed_ones()
    {
        var error = SingleError(Minimal(",\n  \"records\": [\n    { \"id\": \"r1\", \"category\": \"fine\", \"decidedOn\": \"2026-01-01\" }\n  ]"));

        Assert.Equal("$.records[0].category", error.Path);
        Assert.Equal(4, error.Line);
        Assert.Contains("Unknown value 'fine'", error.Message, StringComparison.Ordinal);
        Assert.Contains("administrative-penalty", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-02-30", "not a real calendar date")]
    [InlineData("2025-02-29", "not a real calendar date")]
    [InlineData("2026-13-01", "not a real calendar date")]
    [InlineData("2026/01/01", "expected YYYY-MM-DD")]
    [InlineData("26-01-01", "expected YYYY-MM-DD")]
    public void Contract_An_impossible_or_malformed_date_is_reported(string date, string reason)
    {
        var error = SingleError(Minimal($",\n  \"records\": [{{ \"id\": \"r1\", \"category\": \"commendation\", \"decidedOn\": \"{date}\" }}]"));

        Assert.Equal("$.records[0].decidedOn", error.Path);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Contract_A_leap_day_is_a_real_date()
    {
        Assert.True(ProfileJson.Read(Minimal(",\n  \"records\": [{ \"id\": \"r1\", \"category\": \"commendation\", \"decidedOn\": \"2024-02-29\" }]")).Succeeded);
    }

    [Fact]
    public void Contract_A_bad_check_character_is_reported_at_the_id()
    {
        var error = SingleError("{\n \"subject\": {\n  \"name\": \"某公司\", \"kind\": \"enterprise\", \"idType\": \"uscc\",\n  \"id\": \"914403001922038217\"\n }\n}");

        Assert.Equal("$.subject.id", error.Path);
        Assert.Equal(4, error.Line);
        Assert.Contains("check character '7' where GB 32100-2015 gives '6'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void R8_A_bad_resident_id_is_reported_without_the_number()
    {
        var bad = "410425198503151234";
        var error = SingleError($"{{\"subject\":{{\"name\":\"张三\",\"kind\":\"natural-person\",\"idType\":\"resident-id\",\"id\":\"{bad}\"}}}}");

        Assert.Equal("$.subject.id", error.Path);
        Assert.DoesNotContain(bad, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("19850315", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void R8_A_personal_number_in_a_code_field_is_not_echoed_either()
    {
        var error = SingleError($"{{\"subject\":{{\"name\":\"某公司\",\"kind\":\"enterprise\",\"idType\":\"uscc\",\"id\":\"{Person}\"}}}}");

        Assert.DoesNotContain(Person, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Contract_Duplicate_ids_across_records_reports_and_commitments_are_reported()
    {
        var json = Minimal(",\n  \"records\": [{ \"id\": \"x1\", \"category\": \"commendation\", \"decidedOn\": \"2026-01-01\" }],"
            + "\n  \"commitments\": [{ \"id\": \"x1\", \"type\": \"proactive-disclosure\", \"matter\": \"m\", \"committedOn\": \"2026-01-01\" }]");

        var error = SingleError(json);

        Assert.Equal("$.commitments[0].id", error.Path);
        Assert.Equal(4, error.Line);
        Assert.Contains("'x1' is already used on line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void C1_A_kind_that_cannot_hold_the_certificate_type_is_reported_at_idType()
    {
        var error = SingleError($"{{\"subject\":{{\"name\":\"张三\",\"kind\":\"natural-person\",\"idType\":\"uscc\",\"id\":\"914403001922038216\"}}}}");

        Assert.Equal("$.subject.idType", error.Path);
    }

    [Fact]
    public void Contract_Every_problem_in_a_profile_is_reported_at_once()
    {
        var json = "{\n\"subject\": {\"name\": \"某公司\", \"kind\": \"company\", \"idType\": \"uscc\", \"id\": \"914403001922038216\"},\n"
            + "\"records\": [{\"id\": \"r1\", \"category\": \"commendation\", \"decidedOn\": \"2026-02-30\"},\n"
            + "{\"id\": \"r2\", \"category\": \"administrative-penalty\", \"decidedOn\": \"2026-01-01\", \"publicUntil\": \"2025-01-01\"}],\n"
            + "\"reports\": [{\"id\": \"p1\", \"kind\": \"enterprise\", \"agency\": {\"name\": \"a\"}, \"rating\": \"AA+\", \"issuedOn\": \"2026-01-01\", \"validUntil\": \"2027-01-01\"}],\n"
            + "\"commitments\": [{\"id\": \"c1\", \"type\": \"acceptance-with-missing-materials\", \"matter\": \"m\", \"committedOn\": \"2026-01-01\"}],\n"
            + "\"conveniences\": [\"green-channel\", \"green-channel\", \"fast-lane\"]\n}";

        var errors = ProfileJson.Read(json).Errors.Select(e => (e.Path, e.Line)).ToArray();

        Assert.Equal(
            [
                ("$.subject.kind", 2),
                ("$.records[0].decidedOn", 3),
                ("$.records[1].publicUntil", 4),
                ("$.reports[0].agency", 5),
                ("$.reports[0].rating", 5),
                ("$.commitments[0].missingMaterials", 6),
                ("$.commitments[0].remedyDeadline", 6),
                ("$.conveniences[1]", 7),
                ("$.conveniences[2]", 7),
            ],
            errors);
    }

    [Fact]
    public void Contract_A_wrong_json_type_is_reported()
    {
        var error = SingleError(Minimal(",\n  \"records\": {}"));

        Assert.Equal("$.records", error.Path);
        Assert.Contains("Expected an array", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Contract_A_field_given_twice_is_reported()
    {
        var error = SingleError("{\"subject\":{\"name\":\"a\",\"name\":\"b\",\"kind\":\"enterprise\",\"idType\":\"uscc\",\"id\":\"914403001922038216\"}}");

        Assert.Equal("$.subject.name", error.Path);
        Assert.Contains("given twice", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\n\"subject\": {,\n}", 2, "Invalid JSON")]
    [InlineData("", 1, "empty")]
    [InlineData("[1]", 1, "must be a JSON object")]
    public void Contract_Syntax_errors_and_non_objects_are_reported_with_a_line(string json, int line, string reason)
    {
        var error = SingleError(json);

        Assert.Equal(line, error.Line);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Contract_Content_after_the_profile_is_reported()
    {
        var error = SingleError(Minimal() + "\n{}");

        Assert.Contains("invalid after a single JSON value", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void Contract_Lines_count_from_the_callers_first_line_for_JSON_Lines()
    {
        var error = SingleError("{\"subject\":{\"name\":\"a\",\"kind\":\"enterprise\",\"idType\":\"uscc\"}}", new ProfileReadOptions { FirstLineNumber = 42 });

        Assert.Equal(42, error.Line);
    }

    [Fact]
    public void C3_Lenient_mode_reads_an_early_pilot_code()
    {
        var json = "{\"subject\":{\"name\":\"a\",\"kind\":\"enterprise\",\"idType\":\"uscc\",\"id\":\"914403001922038217\"}}";

        Assert.False(ProfileJson.Read(json).Succeeded);
        var lenient = ProfileJson.Read(json, new ProfileReadOptions { UsccMode = UsccParseMode.Lenient });
        Assert.True(lenient.Succeeded);
        Assert.False(lenient.Value.Subject.Identifier.Uscc!.Value.ChecksPass);
    }

    [Fact]
    public void R8_Written_profiles_mask_personal_numbers_unless_revealing_is_asked_for()
    {
        var profile = ProfileJson.Read(Fixtures.Read("contract/profile.example.json")).Value!;

        var published = ProfileJson.Write(profile);
        var stored = ProfileJson.Write(profile, new ProfileWriteOptions { RevealPersonalIdentifiers = true });

        Assert.DoesNotContain(Person, published, StringComparison.Ordinal);
        Assert.Contains("410425********1233", published, StringComparison.Ordinal);
        Assert.Contains("91410425MA3X12345R", published, StringComparison.Ordinal);
        Assert.Contains(Person, stored, StringComparison.Ordinal);
    }

    [Fact]
    public void Contract_Written_profiles_use_the_contracts_names_and_read_back()
    {
        var profile = ProfileJson.Read(Fixtures.Read("contract/profile.example.json")).Value!;

        var json = ProfileJson.Write(profile, new ProfileWriteOptions { RevealPersonalIdentifiers = true, Indented = true });

        Assert.Contains("\"category\": \"administrative-penalty\"", json, StringComparison.Ordinal);
        Assert.Contains("\"type\": \"acceptance-with-missing-materials\"", json, StringComparison.Ordinal);
        Assert.Contains("\"remedyDeadline\": \"2026-10-26\"", json, StringComparison.Ordinal);
        Assert.Contains("\"郏县示例建材有限公司\"", json, StringComparison.Ordinal);
        Assert.Equal(json, ProfileJson.Write(ProfileJson.Read(json).Value!, new ProfileWriteOptions { RevealPersonalIdentifiers = true, Indented = true }));
    }

    [Fact]
    public void Contract_Comments_are_not_JSON_and_a_profile_with_one_is_rejected()
    {
        var error = SingleError("// a note\n" + Minimal());

        Assert.Equal(1, error.Line);
        Assert.StartsWith("Invalid JSON", error.Message, StringComparison.Ordinal);
    }
}
