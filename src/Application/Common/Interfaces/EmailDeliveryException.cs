namespace Navixy.Panel.Application.Common.Interfaces;

/// <summary>
/// The message was not handed over. <see cref="Permanent"/> when the server refused the recipient for good (a 5xx
/// answer to the address): sending it again cannot succeed, so a retrying caller moves on.
/// </summary>
public sealed class EmailDeliveryException(string message, Exception? inner = null, bool permanent = false) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
}
