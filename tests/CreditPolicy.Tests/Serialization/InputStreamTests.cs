using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using System;
using CreditPolicy.Evaluation;
using CreditPolicy.Rules;
using CreditPolicy.Serialization;
using CreditPolicy.Streaming;
using NodaTime;
using Xunit;

namespace CreditPolicy.Tests.Serialization;

/// <summary>Contract v2, "Input streams" and "Limits": what `evaluate` and `diff` read, and what never stops them.</summary>
public sealed class InputStreamTests
{
    private static readonly LocalDate Day = new(2026, 11, 27);
    private static readonly PolicyEvaluator Evaluator = new(RuleSet.JiaCounty2022No8);

    private static string Compact(string name) =>
        $$"""{"subject":{"name":"{{name}}","kind":"enterprise","idType":"uscc","id":"914403001922038216"},"creditCheckedOn":"2026-11-20"}""";

    private static string Pretty(string name) => $$"""
        {
          "subject": {
            "name": "{{name}}",
            "kind": "enterprise",
            "idType": "uscc",
            "id": "914403001922038216"
          },
          "records": [
            { "id": "r1", "category": "commendation", "decidedOn": "2026-01-01" }
          ]
        }
        """;

    private static (string[] Names, List<RejectedProfile> Rejected) Run(string input, DecisionPipelineOptions? options = null)
    {
        var rejected = new List<RejectedProfile>();
        using var output = new MemoryStream();
        DecisionPipeline.Evaluate(new MemoryStream(Encoding.UTF8.GetBytes(input)), output, Evaluator, Day, (options ?? new()) with { OnRejected = rejected.Add });
        var names = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("subject").GetProperty("name").GetString()!)
            .ToArray();
        return (names, rejected);
    }

    [Fact]
    public void Contract_v2_Pretty_printed_profiles_one_after_another_are_all_read()
    {
        var (names, rejected) = Run(Pretty("甲") + "\n" + Pretty("乙") + "\n\n" + Compact("丙") + "\n" + Pretty("丁"));

        Assert.Equal(["甲", "乙", "丙", "丁"], names);
        Assert.Empty(rejected);
    }

    [Fact]
    public void Contract_v2_After_a_damaged_profile_reading_resumes_at_the_next_line_that_starts_with_a_brace()
    {
        var damaged = Pretty("甲")[..40]; // cut in the middle of its subject
        var (names, rejected) = Run(Compact("零") + "\n" + damaged + "\n" + Compact("乙") + "\n" + Pretty("丙"));

        Assert.Equal(["零", "乙", "丙"], names);
        var rejection = Assert.Single(rejected);
        Assert.Equal(2, rejection.Line);
    }

    [Fact]
    public void Contract_v2_A_broken_first_line_of_JSON_Lines_costs_only_itself()
    {
        var (names, rejected) = Run("{\"subject\":{\"name\":\n" + Compact("乙") + "\n" + Compact("丙"));

        Assert.Equal(["乙", "丙"], names);
        Assert.Equal(1, Assert.Single(rejected).Line);
    }

    [Fact]
    public void Contract_v2_A_profile_over_the_size_limit_is_one_located_rejection_and_the_next_is_read()
    {
        var huge = Compact("甲").Replace("\"creditCheckedOn\"", "\"note\":\"" + new string('x', 5000) + "\",\"creditCheckedOn\"", StringComparison.Ordinal);
        var options = new DecisionPipelineOptions { Read = ProfileReadOptions.Default with { MaxProfileBytes = 1000 } };

        var (names, rejected) = Run(huge + "\n" + Compact("乙") + "\n" + new string('{', 3000) + "\n" + Compact("丙"), options);

        Assert.Equal(["乙", "丙"], names);
        Assert.Equal([1, 3], rejected.Select(r => r.Line).ToArray());
        Assert.Contains("MaxProfileBytes", rejected[0].Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Contract_v2_Errors_per_profile_are_bounded_and_duplicate_ids_are_found_in_linear_time()
    {
        var records = string.Join(",", Enumerable.Range(0, 20_000).Select(_ => """{"id":"410425198503151233","category":"commendation","decidedOn":"2026-01-01"}"""));
        var result = ProfileJson.Read(Compact("甲").Replace("\"creditCheckedOn\"", $"\"records\":[{records}],\"creditCheckedOn\"", StringComparison.Ordinal));

        Assert.Equal(101, result.Errors.Length);
        Assert.Contains("More than 100 problems", result.Errors[^1].Message, StringComparison.Ordinal);
        Assert.All(result.Errors, e => Assert.DoesNotContain("410425198503151233", e.Message, StringComparison.Ordinal));
    }

    private sealed class FailingStream(Exception failure) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw failure;
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public async Task The_pipeline_fails_cleanly_never_hangs_when_reading_or_consuming_throws()
    {
        using var output = new MemoryStream();
        var reading = DecisionPipeline.EvaluateAsync(new FailingStream(new InvalidOperationException("broken source")), output, Evaluator, Day);
        await Assert.ThrowsAsync<InvalidOperationException>(() => reading.WaitAsync(TimeSpan.FromSeconds(60)));

        var input = string.Join("\n", Enumerable.Range(0, 20_000).Select(i => i % 2 == 0 ? "{}" : Compact("甲")));
        var consuming = DecisionPipeline.EvaluateAsync(
            new MemoryStream(Encoding.UTF8.GetBytes(input)),
            output,
            Evaluator,
            Day,
            new DecisionPipelineOptions { OnRejected = _ => throw new IOException("No space left on device") });
        await Assert.ThrowsAsync<IOException>(() => consuming.WaitAsync(TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public void Contract_v2_Pretty_printed_profiles_without_indentation_are_read_and_a_byte_order_mark_mid_stream_is_skipped()
    {
        var unindented = Pretty("甲").Replace("\n  ", "\n", StringComparison.Ordinal).Replace("\n  ", "\n", StringComparison.Ordinal).Replace("\n  ", "\n", StringComparison.Ordinal);
        var damaged = Pretty("零")[..60];

        var (names, rejected) = Run(unindented + "\n" + Pretty("乙").Replace("\n", "\n", StringComparison.Ordinal) + "\n" + damaged + "\n\uFEFF" + Pretty("丙"));

        Assert.Contains("\n{ \"id\"", unindented, StringComparison.Ordinal); // an array element in the first column
        Assert.Equal(["甲", "乙", "丙"], names);
        Assert.Single(rejected);
    }

    [Fact]
    public void Contract_v2_A_byte_GB18030_does_not_allow_costs_its_profile_only()
    {
        var gb = InputEncodings.Gb18030;
        byte[] bad = [.. gb.GetBytes("{\"subject\":{\"name\":\"郏县"), 0x81, 0x30, 0xFF, .. gb.GetBytes("公司\",\"kind\":\"enterprise\",\"idType\":\"uscc\",\"id\":\"914403001922038216\"}}\n")];
        byte[] input = [.. gb.GetBytes(Compact("甲") + "\n"), .. bad, .. gb.GetBytes(Compact("乙") + "\n")];
        var rejected = new List<RejectedProfile>();
        using var output = new MemoryStream();

        var summary = DecisionPipeline.Evaluate(new MemoryStream(input), output, Evaluator, Day, new DecisionPipelineOptions { InputEncoding = gb, OnRejected = rejected.Add });

        Assert.Equal((2L, 1L), (summary.Evaluated, summary.Rejected));
        Assert.Equal(2, Assert.Single(rejected).Line);
        Assert.Contains("乙", Encoding.UTF8.GetString(output.ToArray()), StringComparison.Ordinal);
    }
}
