using System.Text.Json.Nodes;
using Navixy.Panel.Api.FunctionalTests.Support;

namespace Navixy.Panel.Api.FunctionalTests.Features;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c> describes the wire as it is: both methods, the body and query
/// forms, the tagged unions under Navixy's names, the session schemes, the error envelope and codes, the extensions.
/// It is generated from the actions, so the same on every provider: one provider is enough.
/// </summary>
public sealed class OpenApiDocumentTests() : FunctionalTest("Sqlite")
{
    private JsonNode _document = null!;

    [SetUp]
    public async Task ReadDocument() => _document = JsonNode.Parse(await Client.GetStringAsync("/openapi/v1.json"))!;

    private JsonNode Schema(string name) => _document["components"]!["schemas"]![name] ?? throw new AssertionException($"no schema {name}");

    private JsonNode Operation(string path, string method) => _document["paths"]![path]?[method] ?? throw new AssertionException($"no {method} {path}");

    [TestCase("/v2/panel/account/auth")]
    [TestCase("/v2/panel/user/mfa/settings/update")]
    [TestCase("/v2/panel/user/list")]
    [TestCase("/v2/user/auth/code/verify")]
    public void EveryAction_IsAPostWithJsonAndFormBodies_AndAGetWithQueryParameters(string path)
    {
        var post = Operation(path, "post");
        Assert.That(post["requestBody"]!["content"]!.AsObject().Select(c => c.Key), Is.EquivalentTo(new[] { "application/json", "application/x-www-form-urlencoded" }));
        var get = Operation(path, "get");
        Assert.That(get["requestBody"], Is.Null);
        Assert.That(get["parameters"]!.AsArray().Select(p => p!["in"]!.GetValue<string>()), Is.Not.Empty.And.All.EqualTo("query"));
    }

    [Test]
    public void ObjectParameters_InTheQueryString_AreJsonText_AndInAFormBodyToo()
    {
        var target = Operation("/v2/panel/user/mfa/settings/update", "get")["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "target")!;
        Assert.That(target["content"]!["application/json"], Is.Not.Null);
        Assert.That(target["required"]!.GetValue<bool>(), Is.True);
        var form = Operation("/v2/panel/user/mfa/settings/update", "post")["requestBody"]!["content"]!["application/x-www-form-urlencoded"]!;
        Assert.That(form["encoding"]!["target"]!["contentType"]!.GetValue<string>(), Is.EqualTo("application/json"));
    }

    [Test]
    public void Upload_IsAMultipartPostOnly()
    {
        var upload = _document["paths"]!["/v2/panel/user/upload"]!;
        Assert.That(upload["get"], Is.Null);
        Assert.That(upload["post"]!["requestBody"]!["content"]!["multipart/form-data"]!["schema"]!["properties"]!["file"]!["format"]!.GetValue<string>(), Is.EqualTo("binary"));
    }

    [TestCase("MfaSettings", "allowed", "MfaSettingsAllowed", "disallowed", "MfaSettingsDisallowed")]
    [TestCase("MfaTarget", "all", "MfaTargetAll", "selected", "MfaTargetSelected")]
    public void MfaUnions_AreOneOfWithATypeDiscriminator_UnderNavixysNames(string union, string first, string firstSchema, string second, string secondSchema)
    {
        var schema = Schema(union);
        Assert.That(schema["discriminator"]!["propertyName"]!.GetValue<string>(), Is.EqualTo("type"));
        Assert.That(schema["discriminator"]!["mapping"]![first]!.GetValue<string>(), Is.EqualTo("#/components/schemas/" + firstSchema));
        Assert.That(schema["discriminator"]!["mapping"]![second]!.GetValue<string>(), Is.EqualTo("#/components/schemas/" + secondSchema));
        Assert.That(schema["oneOf"]!.AsArray().Select(s => s!["$ref"]!.GetValue<string>()), Is.EqualTo(new[] { "#/components/schemas/" + firstSchema, "#/components/schemas/" + secondSchema }));
        Assert.That(Schema(firstSchema)["properties"]!["type"]!["const"]!.GetValue<string>(), Is.EqualTo(first));
    }

    [Test]
    public void SelectedTarget_Holds1To100PositiveIds_AsNavixysDoes()
    {
        var ids = Schema("MfaTargetSelected")["properties"]!["ids"]!;
        Assert.That((ids["minItems"]!.GetValue<int>(), ids["maxItems"]!.GetValue<int>()), Is.EqualTo((1, 100)));
        Assert.That(Schema("MfaTargetSelected")["required"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EquivalentTo(new[] { "type", "ids" }));
    }

    [Test]
    public void Sessions_AreTheNvxHeaderOrTheHashParameter_AndSignInNeedsNone()
    {
        var schemes = _document["components"]!["securitySchemes"]!;
        Assert.That((schemes["api_key"]!["in"]!.GetValue<string>(), schemes["api_key"]!["name"]!.GetValue<string>()), Is.EqualTo(("header", "Authorization")));
        Assert.That((schemes["hash"]!["in"]!.GetValue<string>(), schemes["hash"]!["name"]!.GetValue<string>()), Is.EqualTo(("query", "hash")));
        Assert.That(Operation("/v2/panel/user/read", "post")["security"]!.AsArray().Select(r => r!.AsObject().Single().Key), Is.EqualTo(new[] { "api_key", "hash" }));
        Assert.That(Operation("/v2/panel/account/auth", "post")["security"]!.AsArray(), Is.Empty);
    }

    [TestCase("/v2/panel/user/read", "400", 201)]
    [TestCase("/v2/panel/user/read", "403", 13)]
    [TestCase("/v2/user/auth/code/verify", "400", 282)]
    [TestCase("/v2/user/auth/code/verify", "400", 105)]
    [TestCase("/v2/user/auth/code/verify", "400", 7)]
    [TestCase("/v2/user/get_info", "403", 276)]
    [TestCase("/v2/panel/account/auth", "400", 12)]
    [TestCase("/v2/user/auth/code/resend", "429", 15)]
    public void EachAction_ListsItsErrorCodes_UnderTheirHttpStatus_WithTheErrorEnvelope(string path, string status, int code)
    {
        var response = Operation(path, "post")["responses"]![status]!;
        Assert.That(response["x-navixy-error-codes"]!.AsArray().Select(c => c!.GetValue<int>()), Does.Contain(code));
        Assert.That(response["description"]!.GetValue<string>(), Does.Contain($"{code}: "));
        Assert.That(response["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>(), Is.EqualTo("#/components/schemas/ResponseError"));
    }

    [Test]
    public void RequiredScalarParameters_DoNotOfferNull_InTheBodyOrTheQuery_WhileOptionalOnesDo()
    {
        bool OffersNull(JsonNode field) =>
            field["type"] is JsonArray types ? types.Any(t => t!.GetValue<string>() == "null")
            : field["type"]?.GetValue<string>() == "null" || field["oneOf"]?.AsArray().Any(o => o!["type"]?.GetValue<string>() == "null") == true;

        var create = Schema("CreateUserRequest")["properties"]!;
        Assert.That(new[] { "password", "locale", "time_zone" }.Where(f => OffersNull(create[f]!)), Is.Empty);
        Assert.That(OffersNull(create["comment"]!), Is.True, "an optional parameter may be null: it counts as absent");
        Assert.That(OffersNull(Schema("UserModel")["properties"]!["login"]!), Is.False);
        var userId = Operation("/v2/panel/user/read", "get")["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "user_id")!;
        Assert.That(OffersNull(userId["schema"]!), Is.False);
    }

    [Test]
    public void ErrorEnvelope_IsSuccessFalseWithStatusCodeAndDescription_AndErrors()
    {
        var envelope = Schema("ResponseError");
        Assert.That(envelope["properties"]!["success"]!["enum"]![0]!.GetValue<bool>(), Is.False);
        Assert.That(envelope["properties"]!["status"]!["required"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EquivalentTo(new[] { "code", "description" }));
        Assert.That(envelope["properties"]!["errors"]!["items"]!["properties"]!["parameter"], Is.Not.Null);
    }

    [Test]
    public void Replies_CarrySuccessFirst_AndTheirFieldsInSnakeCase()
    {
        var read = Schema("UserReadReply")["properties"]!.AsObject().Select(p => p.Key).ToArray();
        Assert.That(read, Is.EqualTo(new[] { "success", "value", "dealer_mfa_settings" }));
        Assert.That(Operation("/v2/panel/user/read", "post")["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>(), Is.EqualTo("#/components/schemas/UserReadReply"));
        Assert.That(Schema("SuccessReply")["properties"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "success" }));
        // factor_type is left out of the wire when there is none, so it is not required.
        Assert.That(Schema("UserAuthReply")["required"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EquivalentTo(new[] { "success", "type", "hash" }));
    }

    [Test]
    public void Parameters_ListAsRequired_OnlyWhatTheValidatorsRequire()
    {
        Assert.That(Schema("CreateUserRequest")["required"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EquivalentTo(new[] { "user", "password", "locale", "time_zone" }));
        Assert.That(Schema("ListUsersRequest")["required"]?.AsArray() ?? [], Is.Empty);
    }

    [Test]
    public void ExtensionFields_AreMarked_AndOnlyWhereTheyAreExtensions()
    {
        Assert.That(Schema("UserModel")["properties"]!["dealer_mfa_settings"]!["x-navixy-extension"]!.GetValue<bool>(), Is.True);
        Assert.That(Schema("MfaSettings")["x-navixy-extension"], Is.Null);
        Assert.That(Schema("UserModel")["properties"]!["login"]!["x-navixy-extension"], Is.Null);
    }
}
