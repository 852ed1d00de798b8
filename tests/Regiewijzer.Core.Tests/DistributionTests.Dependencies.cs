using System.Reflection;
using Regiewijzer.Core.Distributions;
using Xunit;

namespace Regiewijzer.Core.Tests;

/// <summary>Regiewijzer.Core is the engine: BCL only (style.md, "Core references nothing").</summary>
public partial class DistributionTests
{
    [Fact]
    public void GetReferencedAssemblies_CoreAssembly_ResolveToTheSharedFramework()
    {
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var core = typeof(Distribution).Assembly;

        var references = core.GetReferencedAssemblies();

        Assert.NotEmpty(references);
        Assert.All(references, reference =>
        {
            var file = Path.Combine(framework, reference.Name + ".dll");
            Assert.True(File.Exists(file), $"{reference.FullName} is not in the shared framework {framework}");
            var loaded = Assembly.Load(reference);
            Assert.Equal(framework, Path.GetDirectoryName(loaded.Location));
        });
    }

    [Fact]
    public void GetReferencedAssemblies_CoreTests_ReferenceNoOtherRegiewijzerProject()
    {
        var ours = typeof(DistributionTests).Assembly.GetReferencedAssemblies()
            .Select(r => r.Name!).Where(n => n.StartsWith("Regiewijzer.", StringComparison.Ordinal));

        Assert.Equal(["Regiewijzer.Core"], ours);
    }
}
