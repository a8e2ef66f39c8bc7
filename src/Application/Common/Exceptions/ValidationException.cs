namespace Navixy.Panel.Application.Common.Exceptions;

/// <summary>Invalid parameters (code 7), carrying every rejected parameter.</summary>
public sealed class ValidationException : NavixyException
{
    public ValidationException(IReadOnlyList<ParameterError> errors)
        : base(ErrorCode.InvalidParameters)
    {
        Errors = errors;
    }

    public ValidationException(string parameter, string error)
        : this([new ParameterError(parameter, error)])
    {
    }

    public IReadOnlyList<ParameterError> Errors { get; }
}
