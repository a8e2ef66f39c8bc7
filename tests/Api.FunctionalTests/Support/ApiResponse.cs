using System.Net;
using System.Text.Json;

namespace Navixy.Panel.Api.FunctionalTests.Support;

/// <summary>A parsed reply: HTTP status and the Navixy body.</summary>
public sealed record ApiResponse(HttpStatusCode Status, JsonElement Body)
{
    /// <summary>The <c>Retry-After</c> header of the reply, when there is one.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public bool Success => Body.GetProperty("success").GetBoolean();

    public int Code => Body.GetProperty("status").GetProperty("code").GetInt32();

    public string[] ErrorParameters => Body.TryGetProperty("errors", out var errors)
        ? errors.EnumerateArray().Select(e => e.GetProperty("parameter").GetString()!).Distinct().Order().ToArray()
        : [];

    public JsonElement this[string name] => Body.GetProperty(name);

    public string Hash => Body.GetProperty("hash").GetString()!;

    /// <summary>Asserts a Navixy error with the code and HTTP status; never a 5xx for a client mistake.</summary>
    public ApiResponse ShouldFail(int code, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Success, Is.False, Body.ToString());
            Assert.That(Code, Is.EqualTo(code), Body.ToString());
            Assert.That(Status, Is.EqualTo(status), Body.ToString());
        });
        return this;
    }

    public ApiResponse ShouldSucceed()
    {
        Assert.That(Status, Is.EqualTo(HttpStatusCode.OK), Body.ToString());
        Assert.That(Success, Is.True, Body.ToString());
        return this;
    }
}
