namespace Navixy.Panel.Application.Common.Interfaces;

public sealed class EmailDeliveryException(string message, Exception? inner = null) : Exception(message, inner);
