using Navixy.Panel.Application.Users.Models;

namespace Navixy.Panel.Application.UnitTests.Users;

public sealed class DeliverableEmailTests
{
    [TestCase("jane@example.com")]
    [TestCase("Jane.Doe+mfa@mail.example.co.uk")]
    [TestCase("o'neil_x!#$%&*/=?^`{|}~-@example.com")]
    [TestCase("x@xn--bcher-kva.example")]
    [TestCase("1@2.example")]
    public void IsDeliverable_WhenABareAsciiMailbox_Accepts(string address) =>
        Assert.That(DeliverableEmail.IsDeliverable(address), Is.True);

    [TestCase("a,b.x@example.com")]
    [TestCase("<x>.x@example.com")]
    [TestCase("jürgen.x@example.com")]
    [TestCase("x@bücher.example")]
    [TestCase("\"quoted local\"@example.com")]
    [TestCase("Jane <jane@example.com>")]
    [TestCase("jane(work)@example.com")]
    [TestCase("@relay.example:jane@example.com")]
    [TestCase("jane@[192.0.2.1]")]
    [TestCase("jane@localhost")]
    [TestCase(".jane@example.com")]
    [TestCase("jane.@example.com")]
    [TestCase("ja..ne@example.com")]
    [TestCase("jane@-example.com")]
    [TestCase("jane@example-.com")]
    [TestCase("jane@example..com")]
    [TestCase("jane@example.com.")]
    [TestCase("jane@@example.com")]
    [TestCase("jane@exa_mple.com")]
    [TestCase("jane doe@example.com")]
    [TestCase("jane@example.com\n")]
    [TestCase("")]
    [TestCase(null)]
    public void IsDeliverable_WhenNotAMailboxEveryTransportReaches_Refuses(string? address) =>
        Assert.That(DeliverableEmail.IsDeliverable(address), Is.False);

    [Test]
    public void IsDeliverable_WhenLocalPartOver64_Refuses() =>
        Assert.That(DeliverableEmail.IsDeliverable(new string('a', 65) + "@example.com"), Is.False);

    [Test]
    public void IsDeliverable_WhenLabelOver63OrAddressOver254_Refuses()
    {
        Assert.That(DeliverableEmail.IsDeliverable("a@" + new string('b', 64) + ".com"), Is.False);
        Assert.That(DeliverableEmail.IsDeliverable("a@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 5))), Is.False);
        Assert.That(DeliverableEmail.IsDeliverable("a@" + new string('b', 63) + ".com"), Is.True);
    }
}
