using System.Linq;
using System.Runtime.CompilerServices;
using System;
using CreditPolicy.Profiles;
using Xunit;

namespace CreditPolicy.Tests;

/// <summary>Conventions of the public API (../shared/STYLE.md): immutable values, sealed classes.</summary>
public sealed class ConventionTests
{
    private static readonly Type[] PublicTypes = typeof(CreditProfile).Assembly.GetExportedTypes();

    [Fact]
    public void Every_public_struct_is_readonly()
    {
        // Struct enumerators (as ImmutableArray<T>.Enumerator) must be mutable to move.
        var mutable = PublicTypes.Where(t => t.IsValueType && !t.IsEnum && !t.IsDefined(typeof(IsReadOnlyAttribute), false) && !(t.IsNested && t.Name == "Enumerator")).ToArray();

        Assert.Empty(mutable);
    }

    [Fact]
    public void Every_public_class_is_sealed_or_static()
    {
        var open = PublicTypes.Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract).ToArray();

        Assert.Empty(open);
    }

    [Fact]
    public void Every_public_property_is_read_only_or_init_only()
    {
        var settable = PublicTypes
            .SelectMany(t => t.GetProperties())
            .Where(p => p.DeclaringType!.Assembly == typeof(CreditProfile).Assembly) // not what a BCL base type (Exception) declares
            .Where(p => p.SetMethod is { IsPublic: true } setter
                && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}")
            .ToArray();

        Assert.Empty(settable);
    }
}
