using Regiewijzer.Data.Reports;

namespace Regiewijzer.Web.Components.Layout;

/// <summary>
/// Who to contact about this installation (configuration Contact:Name and Contact:Email, set by the operator) and the
/// reference dates of the shipped data, for the footer, the toegankelijkheidsverklaring and the privacy statement.
/// </summary>
/// <param name="Name">The organisation or team; "de beheerder van deze installatie" when only an address is set.</param>
/// <param name="Email">The e-mail address, or null.</param>
public sealed record SiteContact(string Name, string? Email)
{
    /// <summary>What the pages say while the operator has not configured a contact.</summary>
    public const string NotConfigured = "de organisatie die deze installatie van Regiewijzer beheert, heeft nog geen contactadres ingesteld.";

    /// <summary>The configured contact, or null when neither Contact:Name nor Contact:Email is set.</summary>
    public static SiteContact? From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var name = configuration["Contact:Name"]?.Trim();
        var email = configuration["Contact:Email"]?.Trim();
        if (string.IsNullOrEmpty(name) && string.IsNullOrEmpty(email))
        {
            return null;
        }

        return new SiteContact(string.IsNullOrEmpty(name) ? "de beheerder van deze installatie" : name, string.IsNullOrEmpty(email) ? null : email);
    }

    /// <summary>
    /// The reference dates of the data the figures rest on, in one line: taken from the shipped data sets
    /// (<see cref="ReportSources.DataSets"/>, the Dutch summary of data/SOURCES.md), never typed twice.
    /// </summary>
    public static string ReferenceDates { get; } = string.Join("; ", new (string File, string Label)[]
        {
            ("gemeenten-2025.csv", "gemeenten"),
            ("woningvoorraad-2024.csv", "woningvoorraad"),
            ("woondeals.csv", "woondeals"),
            ("plancapaciteit-2021.csv", "plancapaciteit"),
            ("nieuwbouw-2012-2020.csv", "nieuwbouw"),
        }
        .Select(d => $"{d.Label} {ReportSources.DataSets.Single(s => s.File == d.File).ReferenceDate}"));
}
