namespace Navixy.Panel.Application.Common.Exceptions;

/// <summary>Human-readable descriptions; clients must not branch on them, only on the code.</summary>
public static class ErrorDescriptions
{
    public static string Of(ErrorCode code) => code switch
    {
        ErrorCode.DatabaseError => "Database error",
        ErrorCode.WrongHash => "Wrong hash",
        ErrorCode.SessionNotFound => "User or API key not found or session ended",
        ErrorCode.WrongRequestFormat => "Wrong request format",
        ErrorCode.UnexpectedError => "Unexpected error",
        ErrorCode.InvalidParameters => "Invalid parameters",
        ErrorCode.TooLargeRequest => "Too large request",
        ErrorCode.AccessDenied => "Access denied",
        ErrorCode.DealerNotFound => "Dealer not found",
        ErrorCode.OperationNotPermitted => "Operation not permitted",
        ErrorCode.DatabaseUnavailable => "Database unavailable",
        ErrorCode.TooManyRequests => "Too many requests (rate limit exceeded)",
        ErrorCode.WrongLoginOrPassword => "Wrong login or password",
        ErrorCode.UserNotActivated => "User not activated",
        ErrorCode.LoginAttemptsExceeded => "Login attempts limit exceeded, try again later",
        ErrorCode.WrongHandler => "Wrong handler",
        ErrorCode.WrongMethod => "Wrong method",
        ErrorCode.NotFound => "Not found in database",
        ErrorCode.LoginInUse => "Login already in use",
        ErrorCode.EmailSendFailed => "Failed sending email",
        ErrorCode.EmptyDataFile => "Empty data file",
        ErrorCode.ForbiddenForSessionType => "Action is forbidden for received session type",
        ErrorCode.WrongAuthenticationCode => "Wrong authentication code",
        _ => code.ToString(),
    };
}
