using System;
using Xunit;

namespace CreditPolicy.Cli.Tests;

public sealed class CommandLineContractTests
{
    [Theory]
    [InlineData("frobnicate")]
    [InlineData("evaluate --nope")]
    [InlineData("")]
    [InlineData("diff --old x.json")]
    [InlineData("validate")]
    public void Contract_Usage_errors_exit_2_with_one_line(string commandLine)
    {
        var result = Cli.Run(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("creditpolicy: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("evaluate")]
    [InlineData("validate")]
    [InlineData("test")]
    [InlineData("letter")]
    [InlineData("diff")]
    public void Contract_A_missing_file_exits_2_with_one_line(string command)
    {
        var args = command == "diff"
            ? new[] { "diff", "--old", "/no/such.json", "--new", "/no/such.json" }
            : new[] { command, "/no/such.json" };

        var result = Cli.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("creditpolicy: file not found: /no/such.json", Assert.Single(result.ErrorLines));
    }

    [Theory]
    [InlineData("evaluate")]
    [InlineData("validate")]
    [InlineData("test")]
    [InlineData("letter")]
    [InlineData("diff")]
    public void Every_command_has_help_with_an_example(string command)
    {
        var result = Cli.Run(command, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Example:", result.Out, StringComparison.Ordinal);
        Assert.Contains($"creditpolicy {command}", result.Out, StringComparison.Ordinal);
    }
}
