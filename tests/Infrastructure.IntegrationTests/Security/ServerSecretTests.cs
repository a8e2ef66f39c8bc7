using Navixy.Panel.Application.Common.Exceptions;
using Navixy.Panel.Infrastructure.Security;

namespace Navixy.Panel.Infrastructure.IntegrationTests.Security;

public sealed class ServerSecretTests
{
    private string _data = null!;

    [SetUp]
    public void CreateFolder() => _data = Directory.CreateTempSubdirectory("navixy-secret-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_data, recursive: true);

    [Test]
    public void Load_WithoutConfiguredKey_GeneratesOneKey_ThatTheNextStartReadsBack()
    {
        var first = ServerSecret.Load(null, _data);
        var second = ServerSecret.Load(null, _data);

        Assert.That(first.Key, Has.Length.EqualTo(ServerSecret.MinLength));
        Assert.That(second.Key, Is.EqualTo(first.Key));
        Assert.That(Directory.GetFiles(_data).Select(Path.GetFileName), Is.EqualTo(new[] { ServerSecret.FileName }));
    }

    [Test]
    public async Task Load_ByInstancesStartingTogether_GivesEveryOneTheSameKey()
    {
        using var start = new Barrier(8);
        var keys = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            return ServerSecret.Load(null, _data).Key;
        })));

        Assert.That(keys, Has.All.EqualTo(keys[0]));
        Assert.That(Convert.FromBase64String(File.ReadAllText(Path.Combine(_data, ServerSecret.FileName))), Is.EqualTo(keys[0]));
        Assert.That(Directory.GetFiles(_data), Has.Length.EqualTo(1));
    }

    [TestCase("")]
    [TestCase("not base64 at all")]
    [TestCase("c2hvcnQ=")]
    public void Load_WithAnUnusableKeyFile_RefusesNamingTheFile(string content)
    {
        var path = Path.Combine(_data, ServerSecret.FileName);
        File.WriteAllText(path, content);

        var refused = Assert.Throws<InvalidSettingException>(() => ServerSecret.Load(null, _data));

        Assert.That(refused!.Message, Does.Contain(path).And.Contain("at least 32 bytes"));
        Assert.That(File.ReadAllText(path), Is.EqualTo(content), "the file is left for the operator");
    }

    [Test]
    public void Load_WithAConfiguredKey_WritesNoFile()
    {
        var key = new byte[ServerSecret.MinLength];

        Assert.That(ServerSecret.Load(key, _data).Key, Is.SameAs(key));
        Assert.That(Directory.GetFiles(_data), Is.Empty);
    }
}
