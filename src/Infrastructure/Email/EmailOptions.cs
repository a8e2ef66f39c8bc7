namespace Navixy.Panel.Infrastructure.Email;

public enum EmailDelivery
{
    Pickup,
    Smtp,
}

/// <summary>Section <c>Email</c> of the configuration.</summary>
public sealed class EmailOptions
{
    public EmailDelivery Delivery { get; set; } = EmailDelivery.Pickup;

    /// <summary>Folder of <c>.eml</c> files for <see cref="EmailDelivery.Pickup"/>; default <c>&lt;data&gt;/mail</c>.</summary>
    public string? PickupDirectory { get; set; }

    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 25;

    public bool EnableSsl { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "no-reply@localhost";

    /// <summary>How long one delivery may take before it counts as failed.</summary>
    public int TimeoutMilliseconds { get; set; } = 10_000;
}
