using System.Globalization;

namespace Regiewijzer.Data;

/// <summary>Dates and times as a Dutch reader expects them: in Dutch time (Europe/Amsterdam), day-month-year.</summary>
public static class DutchTime
{
    private static readonly TimeZoneInfo Netherlands =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Amsterdam", out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>"24-11-2026 14:05".</summary>
    public static string When(DateTimeOffset at) => Local(at).ToString("d-M-yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"24-11-2026 14:05:07", where the order of changes within a minute matters (the audit trail).</summary>
    public static string WhenToTheSecond(DateTimeOffset at) => Local(at).ToString("d-M-yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The date in Dutch time.</summary>
    public static DateOnly Date(DateTimeOffset at) => DateOnly.FromDateTime(Local(at).DateTime);

    /// <summary>"24-11-2026": the date in Dutch time.</summary>
    public static string Dutch(DateTimeOffset at) => Dutch(Date(at));

    /// <summary>"24-11-2026".</summary>
    public static string Dutch(DateOnly date) => date.ToString("d-M-yyyy", CultureInfo.InvariantCulture);

    /// <summary>The moment a Dutch calendar day begins (midnight in Dutch time).</summary>
    public static DateTimeOffset StartOf(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Netherlands.GetUtcOffset(local));
    }

    private static DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Netherlands);
}
