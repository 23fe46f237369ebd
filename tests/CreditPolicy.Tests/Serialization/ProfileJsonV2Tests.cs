using System;
using System.Linq;
using CreditPolicy.Records;
using CreditPolicy.Reports;
using CreditPolicy.Serialization;
using NodaTime;
using Xunit;

namespace CreditPolicy.Tests.Serialization;

/// <summary>The contract's v2 profile fields: read, validated with located errors, written back.</summary>
public sealed class ProfileJsonV2Tests
{
    private static string Profile(string rest) =>
        "{\n  \"subject\": { \"name\": \"某公司\", \"kind\": \"enterprise\", \"idType\": \"uscc\", \"id\": \"914403001922038216\" },\n  \"creditCheckedOn\": \"2026-11-20\"" + rest + "\n}";

    private const string Signed = "{ \"id\": \"k1\", \"type\": \"proactive-disclosure\", \"matter\": \"m\", \"committedOn\": \"2026-03-02\", \"signedOn\": \"2026-03-02\" }";
    private const string Unsigned = "{ \"id\": \"k1\", \"type\": \"proactive-disclosure\", \"matter\": \"m\", \"committedOn\": \"2026-03-02\" }";

    private static InputError SingleError(string json)
    {
        var result = ProfileJson.Read(json);
        Assert.False(result.Succeeded);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void Contract_v2_fields_are_read_and_written_back()
    {
        var json = Profile("""
            ,
              "records": [
                { "id": "m1", "category": "administrative-penalty", "severity": "minor", "decidedOn": "2026-10-01", "publicUntil": "2026-12-01" },
                { "id": "b1", "category": "commitment-breach", "commitmentId": "k2", "decidedOn": "2026-08-15" }
              ],
              "reports": [ { "id": "crc", "kind": "personal", "source": "credit-reference-center", "issuedOn": "2026-10-01", "validUntil": "2026-12-31" } ],
              "commitments": [
                { "id": "k2", "type": "approval-substitution", "matter": "m", "committedOn": "2026-03-02", "signedOn": "2026-03-02",
                  "breachedOn": "2026-08-15", "breachSeverity": "serious", "breachRepairedOn": "2026-10-01", "replacedCertificates": ["无犯罪记录证明"] }
              ]
            """);

        var result = ProfileJson.Read(json);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var profile = result.Value;
        Assert.Equal(new LocalDate(2026, 11, 20), profile.CreditCheckedOn);
        Assert.Equal(RecordSeverity.Minor, profile.Records[0].Severity);
        Assert.Equal("k2", profile.Records[1].CommitmentId);
        var report = Assert.Single(profile.Reports);
        Assert.Equal((ReportSource.CreditReferenceCenter, (CreditServiceAgency?)null, (CreditRating?)null), (report.Source, report.Agency, report.Rating));
        var commitment = Assert.Single(profile.Commitments);
        Assert.Equal((RecordSeverity.Serious, new LocalDate(2026, 10, 1)), (commitment.BreachSeverity!.Value, commitment.BreachRepairedOn!.Value));
        Assert.Equal(["无犯罪记录证明"], commitment.ReplacedCertificates.ToArray());

        var written = ProfileJson.Write(profile);
        foreach (var expected in new[]
        {
            "\"creditCheckedOn\":\"2026-11-20\"", "\"severity\":\"minor\"", "\"commitmentId\":\"k2\"", "\"source\":\"credit-reference-center\"",
            "\"breachSeverity\":\"serious\"", "\"breachRepairedOn\":\"2026-10-01\"", "\"replacedCertificates\":[\"无犯罪记录证明\"]",
        })
        {
            Assert.Contains(expected, written, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("\"agency\"", written, StringComparison.Ordinal);
        Assert.Equal(written, ProfileJson.Write(ProfileJson.Read(written).Value!));
    }

    [Fact]
    public void C1_A_commitmentId_must_name_a_commitment_of_the_profile()
    {
        var error = SingleError(Profile(",\n  \"records\": [\n    { \"id\": \"b1\", \"category\": \"commitment-breach\", \"commitmentId\": \"nope\", \"decidedOn\": \"2026-08-15\" }\n  ]"));

        Assert.Equal(("$.records[0].commitmentId", 5), (error.Path, error.Line));
        Assert.Contains("No commitment of this profile has the id 'nope'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void C3_A_breach_of_a_commitment_never_signed_is_an_input_error_in_either_representation()
    {
        var asRecord = SingleError(Profile(",\n  \"records\": [ { \"id\": \"b1\", \"category\": \"commitment-breach\", \"commitmentId\": \"k1\", \"decidedOn\": \"2026-08-15\" } ],\n  \"commitments\": [ " + Unsigned + " ]"));
        var onCommitment = SingleError(Profile(",\n  \"commitments\": [ { \"id\": \"k1\", \"type\": \"proactive-disclosure\", \"matter\": \"m\", \"committedOn\": \"2026-03-02\", \"breachedOn\": \"2026-08-15\" } ]"));

        Assert.Equal("$.records[0].commitmentId", asRecord.Path);
        Assert.Contains("not signed", asRecord.Message, StringComparison.Ordinal);
        Assert.Equal("$.commitments[0].breachedOn", onCommitment.Path);
    }

    [Fact]
    public void C1_Two_records_cannot_stand_for_the_same_breach()
    {
        var error = SingleError(Profile(",\n  \"records\": [\n    { \"id\": \"b1\", \"category\": \"commitment-breach\", \"commitmentId\": \"k1\", \"decidedOn\": \"2026-08-15\" },\n    { \"id\": \"b2\", \"category\": \"commitment-breach\", \"commitmentId\": \"k1\", \"decidedOn\": \"2026-08-16\" }\n  ],\n  \"commitments\": [ " + Signed + " ]"));

        Assert.Equal(("$.records[1].commitmentId", 6), (error.Path, error.Line));
        Assert.Contains("'b1' already stands for the breach", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_a_commitment_breach_record_names_a_commitment()
    {
        var error = SingleError(Profile(",\n  \"records\": [ { \"id\": \"p1\", \"category\": \"administrative-penalty\", \"commitmentId\": \"k1\", \"decidedOn\": \"2026-08-15\" } ],\n  \"commitments\": [ " + Signed + " ]"));

        Assert.Equal("$.records[0].commitmentId", error.Path);
    }

    [Fact]
    public void R3_A_Credit_Reference_Center_report_has_no_agency_and_no_rating_and_a_filed_agencys_report_has_both()
    {
        var crc = ProfileJson.Read(Profile(",\n  \"reports\": [ { \"id\": \"r\", \"kind\": \"enterprise\", \"source\": \"credit-reference-center\", \"rating\": \"AA\",\n    \"agency\": { \"name\": \"甲\", \"filingNumber\": \"F\" }, \"issuedOn\": \"2026-01-01\", \"validUntil\": \"2026-12-31\" } ]"));
        var filed = ProfileJson.Read(Profile(",\n  \"reports\": [ { \"id\": \"r\", \"kind\": \"enterprise\", \"issuedOn\": \"2026-01-01\", \"validUntil\": \"2026-12-31\" } ]"));
        var unknown = SingleError(Profile(",\n  \"reports\": [ { \"id\": \"r\", \"kind\": \"enterprise\", \"source\": \"bank\", \"issuedOn\": \"2026-01-01\", \"validUntil\": \"2026-12-31\" } ]"));

        Assert.Equal(["$.reports[0].agency", "$.reports[0].rating"], crc.Errors.Select(e => e.Path!).Order().ToArray());
        Assert.Equal(["$.reports[0].agency", "$.reports[0].rating"], filed.Errors.Select(e => e.Path!).Order().ToArray());
        Assert.Equal("$.reports[0].source", unknown.Path);
        Assert.Contains("credit-reference-center", unknown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"breachSeverity\": \"serious\"", "breachSeverity")]
    [InlineData("\"breachRepairedOn\": \"2026-09-01\"", "breachRepairedOn")]
    [InlineData("\"breachedOn\": \"2026-09-01\", \"breachRepairedOn\": \"2026-08-01\"", "breachRepairedOn")]
    [InlineData("\"breachSeverity\": \"grave\", \"breachedOn\": \"2026-09-01\"", "breachSeverity")]
    [InlineData("\"replacedCertificates\": [\"证明\"]", "replacedCertificates")]
    public void C1_C2_3_Breach_and_certificate_fields_are_checked_and_located(string fields, string field)
    {
        var error = SingleError(Profile(",\n  \"commitments\": [ { \"id\": \"k1\", \"type\": \"proactive-disclosure\", \"matter\": \"m\", \"committedOn\": \"2026-03-02\", \"signedOn\": \"2026-03-02\", " + fields + " } ]"));

        Assert.Equal("$.commitments[0]." + field, error.Path);
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void C3_A_letter_cannot_be_signed_before_its_commitment_date_so_no_breach_precedes_the_commitment()
    {
        var error = SingleError(Profile(",\n  \"commitments\": [ { \"id\": \"k1\", \"type\": \"proactive-disclosure\", \"matter\": \"m\", \"committedOn\": \"2026-12-01\", \"signedOn\": \"2026-01-01\", \"breachedOn\": \"2026-02-01\" } ]"));

        Assert.Equal("$.commitments[0].signedOn", error.Path);
        Assert.Contains("before the commitment date", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"records\": [null]", "$.records[0]")]
    [InlineData("\"reports\": [null]", "$.reports[0]")]
    [InlineData("\"commitments\": [null]", "$.commitments[0]")]
    [InlineData("\"conveniences\": [\"green-channel\", null]", "$.conveniences[1]")]
    [InlineData("\"commitments\": [ { \"id\": \"k1\", \"type\": \"approval-substitution\", \"matter\": \"m\", \"committedOn\": \"2026-03-02\", \"replacedCertificates\": [null] } ]", "$.commitments[0].replacedCertificates[0]")]
    public void Contract_v2_A_null_array_element_is_an_input_error_never_silently_dropped(string array, string path)
    {
        var error = SingleError(Profile(",\n  " + array));

        Assert.Equal((path, 4), (error.Path, error.Line));
        Assert.Contains("must not be null", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("serious-dishonesty-list")]
    [InlineData("dishonest-judgment-debtor")]
    public void A_listing_is_never_minor_information(string category)
    {
        var error = SingleError(Profile(",\n  \"records\": [ { \"id\": \"s1\", \"category\": \"" + category + "\", \"severity\": \"minor\", \"decidedOn\": \"2020-01-01\" } ]"));

        Assert.Equal("$.records[0].severity", error.Path);
        Assert.Contains("not minor", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_breach_link_is_not_reported_again_when_its_commitment_was_rejected_for_another_reason()
    {
        var result = ProfileJson.Read(Profile(",\n  \"records\": [ { \"id\": \"k1\", \"category\": \"commitment-breach\", \"commitmentId\": \"k1\", \"decidedOn\": \"2026-08-15\" } ],\n  \"commitments\": [ " + Signed + " ]"));

        var error = Assert.Single(result.Errors);
        Assert.Contains("already used", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Provenance_creditCheckedOn_must_be_a_real_date()
    {
        var error = SingleError("{ \"subject\": { \"name\": \"某公司\", \"kind\": \"enterprise\", \"idType\": \"uscc\", \"id\": \"914403001922038216\" }, \"creditCheckedOn\": \"2026-02-30\" }");

        Assert.Equal("$.creditCheckedOn", error.Path);
        Assert.Contains("not a real calendar date", error.Message, StringComparison.Ordinal);
    }
}
