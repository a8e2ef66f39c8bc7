namespace Navixy.Panel.Application.Common.Interfaces;

/// <summary>One message to one address: plain text, and an HTML alternative when <paramref name="HtmlBody"/> is given.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null);

/// <summary>Sends mail; throws <see cref="EmailDeliveryException"/> when the message could not be handed over.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// The message was not handed over. <see cref="Permanent"/> when the server refused the recipient for good (a 5xx
/// answer to the address): sending it again cannot succeed, so a retrying caller moves on.
/// </summary>
public sealed class EmailDeliveryException(string message, Exception? inner = null, bool permanent = false) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
}
