using FluentValidation.Results;

namespace Navixy.Panel.Application.Common.Exceptions;

/// <summary>One rejected parameter: a dotted path (as the use case names it) and what is wrong with it.</summary>
public sealed record ParameterError(string Parameter, string Error)
{
    /// <summary>A validator's failure, its property path named as the wire names the parameter.</summary>
    public static ParameterError From(ValidationFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return new ParameterError(ParameterPath.FromPropertyPath(failure.PropertyName), failure.ErrorMessage);
    }
}
