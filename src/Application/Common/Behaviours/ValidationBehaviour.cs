using FluentValidation;
using MediatR;
using Navixy.Panel.Application.Common.Exceptions;
using ValidationException = Navixy.Panel.Application.Common.Exceptions.ValidationException;

namespace Navixy.Panel.Application.Common.Behaviours;

/// <summary>Runs every validator of the request and turns failures into one code-7 exception.</summary>
public sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var errors = new List<ParameterError>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken);
            errors.AddRange(result.Errors.Select(ParameterError.From));
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors.DistinctBy(e => (e.Parameter, e.Error)).ToArray());
        }

        return await next();
    }
}
