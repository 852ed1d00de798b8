namespace Regiewijzer.Data.Model;

// Notifications (issue 15): events told once, per account in the application and by e-mail through an outbox, each
// account's choices, and its visits (for "sinds uw vorige bezoek"). Not governance records: not in the audit trail.

/// <summary>A governance event that has been told (<see cref="Core.Governance.GovernanceEvent.Key"/>); each is told once.</summary>
public sealed class NotificationEventRow
{
    /// <summary>"afspraak-12-voorgesteld", or <see cref="Features.Work.NotificationDispatch.StartKey"/> for the moment telling began.</summary>
    public required string Key { get; set; }

    public DateTimeOffset At { get; set; }

    public DateTimeOffset ToldAt { get; set; }
}

/// <summary>One notification in the application for one account.</summary>
public sealed class NotificationRow
{
    public long Id { get; set; }

    public required string AccountId { get; set; }

    public required string EventKey { get; set; }

    /// <summary>The <see cref="Core.Governance.EventKind"/> as its name.</summary>
    public required string Kind { get; set; }

    public required string Title { get; set; }

    public required string Link { get; set; }

    public DateTimeOffset At { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}

/// <summary>One e-mail to send (the outbox): sending never blocks or fails the step that caused it; failures are retried.</summary>
public sealed class MailOutboxRow
{
    public long Id { get; set; }

    public required string To { get; set; }

    public required string ToName { get; set; }

    public required string Subject { get; set; }

    public required string Body { get; set; }

    public required string EventKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The last failure in Dutch, for the operator.</summary>
    public string? LastError { get; set; }

    /// <summary>Raised when an instance claims the message, so two instances never send it both.</summary>
    public int Version { get; set; }
}

/// <summary>An account's choice for one kind of event; without a row both channels are on.</summary>
public sealed class NotificationPreferenceRow
{
    public int Id { get; set; }

    public required string AccountId { get; set; }

    /// <summary>The <see cref="Core.Governance.EventKind"/> as its name.</summary>
    public required string Kind { get; set; }

    public bool InApp { get; set; }

    public bool Email { get; set; }
}

/// <summary>An account's last two sign-ins: the start page shows what happened since the one before this one.</summary>
public sealed class AccountVisitRow
{
    public required string AccountId { get; set; }

    public DateTimeOffset LastAt { get; set; }

    public DateTimeOffset? PreviousAt { get; set; }
}
