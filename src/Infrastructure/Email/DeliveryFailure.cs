using MailKit.Net.Smtp;

namespace Navixy.Panel.Infrastructure.Email;

/// <summary>Why a message was not handed over, for the log: the server's answer or the exception's type, never the message.</summary>
internal static class DeliveryFailure
{
    public static string Describe(Exception exception) => OneLine(exception switch
    {
        SmtpCommandException command => $"the server answered {(int)command.StatusCode} ({command.ErrorCode}): {command.Message}",
        SmtpProtocolException protocol => $"SMTP protocol error: {protocol.Message}",
        OperationCanceledException => "no answer before the timeout",
        { InnerException: { } inner } => $"{exception.GetType().Name}: {exception.Message} ({inner.GetType().Name}: {inner.Message})",
        _ => $"{exception.GetType().Name}: {exception.Message}",
    });

    // MailKit's certificate report spans several lines; a log entry stays one.
    private static string OneLine(string text) => string.Join(' ', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>
    /// The server refused the address for good, or the address cannot be written at all (the sender's address is
    /// checked at start, so a parse failure is the recipient's): sending again cannot help.
    /// </summary>
    public static bool IsPermanent(Exception exception) =>
        exception is SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } command && (int)command.StatusCode >= 500
        || exception is MimeKit.ParseException;
}
