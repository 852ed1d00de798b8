namespace Regiewijzer.Data.Reports;

/// <summary>Small Dutch text helpers of the documents.</summary>
public static class ReportText
{
    private static readonly string[] Months =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    /// <summary>"7 december 2026" (the date in the Netherlands).</summary>
    public static string Date(DateTimeOffset at)
    {
        var date = DutchTime.Date(at);
        return $"{date.Day} {Months[date.Month - 1]} {date.Year}";
    }

    /// <summary>"signaal" -> "Signaal".</summary>
    public static string Capital(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
    }
}
