using System.Reflection;
using Navixy.Panel.Application.Common.Interfaces;
using Navixy.Panel.Domain.Users;

namespace Navixy.Panel.Application.UnitTests.Common;

/// <summary>Dependencies point inwards: Domain knows no other layer; Application knows Domain only.</summary>
public sealed class LayeringTests
{
    private static string[] ProjectReferences(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Navixy.Panel.", StringComparison.Ordinal)).Order().ToArray();

    [Test]
    public void Domain_ReferencesNoOtherLayer()
    {
        var domain = typeof(User).Assembly;
        Assert.That(domain.GetName().Name, Is.EqualTo("Navixy.Panel.Domain"));
        Assert.That(ProjectReferences(domain), Is.Empty);
    }

    [Test]
    public void Application_ReferencesDomainOnly()
    {
        var application = typeof(IUnitOfWork).Assembly;
        Assert.That(application.GetName().Name, Is.EqualTo("Navixy.Panel.Application"));
        Assert.That(ProjectReferences(application), Is.EqualTo(new[] { "Navixy.Panel.Domain" }));
        Assert.That(application.GetReferencedAssemblies().Select(a => a.Name), Has.None.StartsWith("Microsoft.EntityFrameworkCore"));
    }
}
