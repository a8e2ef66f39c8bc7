namespace Navixy.Panel.Application.Common.Interfaces;

/// <summary>Sends mail; throws <see cref="EmailDeliveryException"/> when the message could not be handed over.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
