using System;
using System.Linq;
using CreditPolicy.Commitments;
using CreditPolicy.Subjects;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace CreditPolicy.Tests.Commitments;

public sealed class CreditCommitmentTests
{
    private static readonly Subject Committer = new("郏县示例建材有限公司", SubjectKind.Enterprise, SubjectIdentifier.Parse(IdentifierType.Uscc, "91410425MA3X12345R"), "郏县市场监督管理局");
    private static readonly LocalDate Committed = new(2026, 10, 12);
    private static readonly LocalDate Deadline = new(2026, 10, 26);

    private static CreditCommitment Td(LocalDate? signedOn = null, LocalDate? submittedOn = null, LocalDate? breachedOn = null) =>
        new("cmt", CommitmentType.AcceptanceWithMissingMaterials, "食品经营许可", Committed, "市场监管窗口", signedOn, ["消防安全检查合格证明"], Deadline, submittedOn, breachedOn);

    [Fact]
    public void C3_Not_in_effect_until_signed_or_sealed()
    {
        var unsigned = new CreditCommitment("cmt", CommitmentType.ProactiveDisclosure, "食品经营许可", Committed);
        var signedLater = new CreditCommitment("cmt", CommitmentType.ProactiveDisclosure, "食品经营许可", Committed, signedOn: Committed.PlusDays(3));

        Assert.Equal(CommitmentStatus.NotSigned, unsigned.StatusOn(Committed.PlusDays(30)));
        Assert.Equal(CommitmentStatus.NotSigned, signedLater.StatusOn(Committed.PlusDays(2)));
        Assert.Equal(CommitmentStatus.InEffect, signedLater.StatusOn(Committed.PlusDays(3)));
    }

    [Fact]
    public void C3_A_commitment_dated_after_the_day_does_not_exist_yet()
    {
        Assert.Equal(CommitmentStatus.NotYetMade, Td(Committed).StatusOn(Committed.PlusDays(-1)));
    }

    [Fact]
    public void TD_Materials_in_by_the_remedy_deadline_fulfil_the_commitment()
    {
        var commitment = Td(Committed, submittedOn: new LocalDate(2026, 10, 20));

        Assert.Equal(CommitmentStatus.InEffect, commitment.StatusOn(new LocalDate(2026, 10, 19)));
        Assert.Equal(CommitmentStatus.Fulfilled, commitment.StatusOn(new LocalDate(2026, 10, 20)));
        Assert.Equal(CommitmentStatus.Fulfilled, commitment.StatusOn(new LocalDate(2027, 1, 1)));
    }

    [Fact]
    public void TD_Materials_on_the_deadline_itself_are_in_time()
    {
        Assert.Equal(CommitmentStatus.Fulfilled, Td(Committed, submittedOn: Deadline).StatusOn(Deadline.PlusDays(1)));
    }

    [Fact]
    public void TD_Deadline_passed_without_materials_terminates_and_returns_the_application()
    {
        var commitment = Td(Committed);

        Assert.Equal(CommitmentStatus.InEffect, commitment.StatusOn(Deadline));
        Assert.Equal(CommitmentStatus.TerminatedAndReturned, commitment.StatusOn(Deadline.PlusDays(1)));
    }

    [Fact]
    public void TD_Late_materials_do_not_undo_the_termination()
    {
        Assert.Equal(CommitmentStatus.TerminatedAndReturned, Td(Committed, submittedOn: Deadline.PlusDays(2)).StatusOn(Deadline.PlusDays(5)));
    }

    [Fact]
    public void C1_An_established_breach_makes_the_commitment_breached_from_that_day()
    {
        var commitment = Td(Committed, submittedOn: new LocalDate(2026, 10, 20), breachedOn: new LocalDate(2026, 11, 5));

        Assert.Equal(CommitmentStatus.Fulfilled, commitment.StatusOn(new LocalDate(2026, 11, 4)));
        Assert.Equal(CommitmentStatus.Breached, commitment.StatusOn(new LocalDate(2026, 11, 5)));
        Assert.True(commitment.IsBreachedOn(new LocalDate(2026, 11, 5)));
        Assert.False(commitment.IsBreachedOn(new LocalDate(2026, 11, 4)));
    }

    [Fact]
    public void C3_A_breach_needs_a_signature_on_or_before_it()
    {
        var unsigned = Assert.Throws<ArgumentException>(() => Td(breachedOn: Committed.PlusDays(5)));
        var early = Assert.Throws<ArgumentException>(() => Td(signedOn: Committed.PlusDays(5), breachedOn: Committed.PlusDays(4)));

        Assert.Equal("breachedOn", unsigned.ParamName);
        Assert.Equal("breachedOn", early.ParamName);
    }

    [Fact]
    public void C3_A_signed_letter_without_the_supervising_department_is_in_effect_and_only_incomplete()
    {
        var noDepartment = new Subject(Committer.Name, Committer.Kind, Committer.Identifier);

        Assert.Equal(CommitmentStatus.InEffect, Td(Committed).StatusOn(Committed.PlusDays(1)));
        var missing = Assert.Single(Td(Committed).LetterGaps(noDepartment));
        Assert.Equal("subject.supervisingDepartment", missing.Field);
    }

    [Fact]
    public void C3_A_letter_needs_a_code_or_a_resident_identity_card_else_it_has_a_gap()
    {
        var passport = new Subject("John Smith", SubjectKind.NaturalPerson, SubjectIdentifier.Parse(IdentifierType.Other, "E12345678"), "郏县公安局");

        Assert.Equal(CommitmentStatus.InEffect, Td(Committed).StatusOn(Committed.PlusDays(1)));
        Assert.Equal("subject.idType", Assert.Single(Td(Committed).LetterGaps(passport)).Field);
        Assert.Empty(Td(Committed).LetterGaps(Committer));
    }

    [Fact]
    public void TD_A_commitment_of_that_type_needs_missing_materials_and_a_remedy_deadline()
    {
        var problems = CreditCommitment.Check(CommitmentType.AcceptanceWithMissingMaterials, Committed, null, [], null, null, null).Select(p => p.Field).ToArray();

        Assert.Equal(["missingMaterials", "remedyDeadline"], problems);
    }

    [Theory]
    [InlineData(CommitmentType.ProactiveDisclosure)]
    [InlineData(CommitmentType.ApprovalSubstitution)]
    public void C2_Only_TD_has_missing_materials_fields(CommitmentType type)
    {
        var problems = CreditCommitment.Check(type, Committed, null, ["x"], Deadline, Deadline, null).Select(p => p.Field).ToArray();

        Assert.Equal(["missingMaterials", "remedyDeadline", "materialsSubmittedOn"], problems);
    }

    [Fact]
    public void TD_A_remedy_deadline_before_the_commitment_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new CreditCommitment("c", CommitmentType.AcceptanceWithMissingMaterials, "m", Committed, missingMaterials: ["x"], remedyDeadline: Committed.PlusDays(-1)));

        Assert.Equal("remedyDeadline", error.ParamName);
    }

    [Fact]
    public void R8_An_agents_number_is_always_personal_and_masked()
    {
        var agent = new CommitmentAgent("张三", SubjectIdentifier.Parse(IdentifierType.Other, "E12345678"));

        Assert.True(agent.Identifier.IsPersonal);
        Assert.DoesNotContain("E12345678", agent.ToString(), StringComparison.Ordinal);
    }

    [Property]
    public Property C3_A_commitments_status_on_a_day_depends_only_on_dates_up_to_that_day() =>
        Prop.ForAll(
            Arb.From(
                from commitment in Generators.Commitments("c")
                from offset in Gen.Choose(-5, 120)
                from shift in Gen.Choose(1, 500)
                select (commitment, day: commitment.CommittedOn.PlusDays(offset), shift)),
            t =>
            {
                var (c, day, shift) = t;
                LocalDate? Future(LocalDate? date) => date > day ? date.Value.PlusDays(shift) : date;
                var moved = new CreditCommitment(
                    c.Id, c.Type, c.Matter, Future(c.CommittedOn)!.Value, c.Window, Future(c.SignedOn), c.MissingMaterials,
                    Future(c.RemedyDeadline), Future(c.MaterialsSubmittedOn), Future(c.BreachedOn), c.Agent);
                var forgotten = new CreditCommitment(
                    c.Id, c.Type, c.Matter, c.CommittedOn, c.Window, c.SignedOn, c.MissingMaterials,
                    c.RemedyDeadline, c.MaterialsSubmittedOn > day ? null : c.MaterialsSubmittedOn, c.BreachedOn > day ? null : c.BreachedOn, c.Agent);
                var status = c.StatusOn(day);
                return status == moved.StatusOn(day) && status == forgotten.StatusOn(day);
            });

    [Property]
    public Property C1_Breached_exactly_when_a_breach_is_established_by_the_day() =>
        Prop.ForAll(
            Arb.From(from commitment in Generators.Commitments("c") from offset in Gen.Choose(-5, 500) select (commitment, day: commitment.CommittedOn.PlusDays(offset))),
            t => (t.commitment.StatusOn(t.day) == CommitmentStatus.Breached) == (t.commitment.BreachedOn <= t.day));
}
