namespace Navixy.Panel.Application.Common.Exceptions;

/// <summary>A failure the client is told about with a Navixy error code.</summary>
public class NavixyException : Exception
{
    public NavixyException(ErrorCode code, string? message = null)
        : base(message ?? ErrorDescriptions.Of(code))
    {
        Code = code;
    }

    public ErrorCode Code { get; }

    /// <summary>Row of an uploaded file the failure belongs to, 1-based counting the header row as 1.</summary>
    public int? RowNumber { get; init; }

    /// <summary>How long the client should wait before trying again; sent as <c>Retry-After</c>.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
