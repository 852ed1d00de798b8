using MailKit.Security;

namespace Regiewijzer.Web.Notifications;

/// <summary>
/// The operator's SMTP server (section <c>Mail</c>); e-mail is off while <c>Mail:Host</c> is empty (the default). Settings:
/// Host, Port (587), Security (Auto, StartTls, SslOnConnect or None), UserName and Password (optional), From (the sender
/// address) and FromName ("Regiewijzer").
/// </summary>
public sealed class MailSettings
{
    public MailSettings(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Mail");
        Host = section["Host"] is { Length: > 0 } host ? host.Trim() : null;
        Port = section.GetValue("Port", 587);
        Security = Enum.TryParse<SecureSocketOptions>(section["Security"] ?? "Auto", ignoreCase: true, out var s)
            ? s
            : throw new InvalidOperationException($"Mail:Security '{section["Security"]}' is onbekend; kies Auto, StartTls, SslOnConnect of None.");
        UserName = section["UserName"] is { Length: > 0 } user ? user : null;
        Password = section["Password"];
        From = section["From"] is { Length: > 0 } from ? from : "regiewijzer@localhost";
        FromName = section["FromName"] is { Length: > 0 } name ? name : "Regiewijzer";
        if (Enabled && !MimeKit.MailboxAddress.TryParse(From, out _))
        {
            throw new InvalidOperationException($"Mail:From '{From}' is geen geldig e-mailadres.");
        }
    }

    /// <summary>True when an SMTP server is configured.</summary>
    public bool Enabled => Host is not null;

    public string? Host { get; }

    public int Port { get; }

    public SecureSocketOptions Security { get; }

    public string? UserName { get; }

    public string? Password { get; }

    public string From { get; }

    public string FromName { get; }
}
