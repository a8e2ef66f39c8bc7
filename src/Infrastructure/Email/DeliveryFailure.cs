using System.Net.Mail;

namespace Navixy.Panel.Infrastructure.Email;

/// <summary>Why a message was not handed over, for the log: the server's answer or the exception's type, never the message.</summary>
internal static class DeliveryFailure
{
    public static string Describe(Exception exception) => exception switch
    {
        SmtpException { InnerException: { } inner } smtp => $"{smtp.StatusCode}: {smtp.Message} ({inner.GetType().Name}: {inner.Message})",
        SmtpException smtp => $"{smtp.StatusCode}: {smtp.Message}",
        OperationCanceledException => "no answer before the timeout",
        _ => $"{exception.GetType().Name}: {exception.Message}",
    };
}
