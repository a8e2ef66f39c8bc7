using FluentValidation;
using MediatR;
using Microsoft.Extensions.Logging;
using Navixy.Panel.Application.Common.Behaviours;
using Navixy.Panel.Application.Common.Exceptions;
using ValidationException = Navixy.Panel.Application.Common.Exceptions.ValidationException;

namespace Navixy.Panel.Application.UnitTests.Common;

public sealed class BehaviourTests
{
    public sealed record Nested(IReadOnlyList<long>? Ids);

    public sealed record SecretRequest(string Password, Nested? Target) : IRequest<int>;

    private sealed class SecretRequestValidator : AbstractValidator<SecretRequest>
    {
        public SecretRequestValidator()
        {
            RuleFor(r => r.Target).NotNull();
            RuleForEach(r => r.Target!.Ids).GreaterThan(0).When(r => r.Target?.Ids is not null);
        }
    }

    private sealed class CapturingLogger<T> : ILogger<T>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception) + " | " + state);
    }

    [Test]
    public void Validation_WhenInvalid_ThrowsWithSnakeCaseDottedParametersAndSkipsHandler()
    {
        var behaviour = new ValidationBehaviour<SecretRequest, int>([new SecretRequestValidator()]);
        var called = false;

        var ex = Assert.ThrowsAsync<ValidationException>(() => behaviour.Handle(new SecretRequest("pw", new Nested([1, -2])), CancellationToken.None, () =>
        {
            called = true;
            return Task.FromResult(1);
        }));

        Assert.That(ex!.Errors.Select(e => e.Parameter), Is.EqualTo(new[] { "target.ids" }));
        Assert.That(ex.Code, Is.EqualTo(ErrorCode.InvalidParameters));
        Assert.That(called, Is.False);
    }

    [Test]
    public async Task Validation_WhenValid_CallsHandler()
    {
        var behaviour = new ValidationBehaviour<SecretRequest, int>([new SecretRequestValidator()]);
        Assert.That(await behaviour.Handle(new SecretRequest("pw", new Nested([1])), CancellationToken.None, () => Task.FromResult(42)), Is.EqualTo(42));
    }

    [Test]
    public async Task Logging_NamesRequestAndOutcomeButNeverThePayload()
    {
        var logger = new CapturingLogger<RequestLoggingBehaviour<SecretRequest, int>>();
        var behaviour = new RequestLoggingBehaviour<SecretRequest, int>(logger);
        var request = new SecretRequest("hunter2-super-secret", null);

        await behaviour.Handle(request, CancellationToken.None, () => Task.FromResult(1));
        Assert.ThrowsAsync<NavixyException>(() => behaviour.Handle(request, CancellationToken.None, () => throw new NavixyException(ErrorCode.WrongLoginOrPassword)));
        Assert.ThrowsAsync<InvalidOperationException>(() => behaviour.Handle(request, CancellationToken.None, () => throw new InvalidOperationException("boom")));

        Assert.That(logger.Lines, Has.Count.EqualTo(3));
        Assert.That(logger.Lines, Has.All.Contain(nameof(SecretRequest)));
        Assert.That(logger.Lines, Has.None.Contain("hunter2"));
        Assert.That(logger.Lines[1], Does.Contain("102"));
    }

    [TestCase("Target.Ids[3]", "target.ids")]
    [TestCase("User.DealerMfaSettings.FactorTypes[0]", "user.dealer_mfa_settings.factor_types")]
    [TestCase("TimeZone", "time_zone")]
    [TestCase("UserId", "user_id")]
    public void ParameterPath_IsDottedSnakeCase(string property, string expected) =>
        Assert.That(Application.Common.ParameterPath.FromPropertyPath(property), Is.EqualTo(expected));
}
