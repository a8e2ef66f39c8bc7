namespace Navixy.Panel.Application.Common.Interfaces;

public sealed record EmailMessage(string To, string Subject, string TextBody);

/// <summary>Sends mail; throws <see cref="EmailDeliveryException"/> when the message could not be handed over.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

public sealed class EmailDeliveryException(string message, Exception? inner = null) : Exception(message, inner);
