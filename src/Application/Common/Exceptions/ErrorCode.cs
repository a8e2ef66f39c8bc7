namespace Navixy.Panel.Application.Common.Exceptions;

/// <summary>Navixy error codes this product returns; the numbers are the wire contract.</summary>
public enum ErrorCode
{
    DatabaseError = 1,
    WrongHash = 3,
    SessionNotFound = 4,
    WrongRequestFormat = 5,
    UnexpectedError = 6,
    InvalidParameters = 7,
    TooLargeRequest = 9,
    AccessDenied = 11,
    DealerNotFound = 12,
    OperationNotPermitted = 13,
    DatabaseUnavailable = 14,
    TooManyRequests = 15,
    WrongLoginOrPassword = 102,
    UserNotActivated = 103,
    LoginAttemptsExceeded = 105,
    WrongHandler = 111,
    WrongMethod = 112,
    NotFound = 201,
    LoginInUse = 206,
    EmailSendFailed = 209,
    EmptyDataFile = 274,
    ForbiddenForSessionType = 276,
    WrongAuthenticationCode = 282,
}
