using Regiewijzer.Core;
using Regiewijzer.Core.Norms;
using Regiewijzer.Data;
using Regiewijzer.Data.Export;
using Regiewijzer.Data.Features;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Web.Components.Pages.Sources;

/// <summary>One data file: its description and, when it is seeded, what the database holds of it.</summary>
public sealed record DataSetLine(DataSetDescription Description, DataSetRow? Loaded);

/// <summary>One norm parameter for display: the exact value, its percentage, source and confidence.</summary>
public sealed record NormLine(string Key, string Label, string Value, string? Percent, string Source, Confidence Confidence, string? Note)
{
    /// <summary>The exact share, for a share parameter (null for the period and the stock metric).</summary>
    public Fraction? Exact { get; init; }

    /// <summary>The article of a law or decree that states the value; only then is it verified.</summary>
    public string? Article { get; init; }

    public bool IsAssumption => Confidence != Confidence.Verified;

    /// <summary>A verified value can still carry an assumption about a boundary case (its note says "Aanname: ...").</summary>
    public bool NoteIsAssumption => Note?.StartsWith("Aanname", StringComparison.Ordinal) == true;
}

/// <summary>
/// An assumption of the product, how far it reaches in the stored data (Scope), and what kind of uncertainty it is
/// (Kind: "aanname", "open juridisch punt" or "secundaire bron").
/// </summary>
public sealed record AssumptionLine(string Topic, string Text, string Scope, string Kind, string Source);

/// <summary>The tables of Bronnen en aannames, shared by the page and its downloads.</summary>
public sealed partial class SourceTables(SourcesFacts facts)
{
    /// <summary>Download names: /download/bronnen/NAME.csv|xlsx.</summary>
    public static readonly IReadOnlyList<string> Names = ["databestanden", "normen", "prijsgrenzen", "opgaven", "aannames"];

    public SourcesFacts Facts { get; } = facts;

    public static async Task<SourceTables> LoadAsync(RegiewijzerDb db, CancellationToken ct) =>
        new(await DescribeSources.RunAsync(db, ct).ConfigureAwait(false));

    /// <summary>The catalogue in its order, then any loaded file the catalogue does not describe.</summary>
    public IReadOnlyList<DataSetLine> DataSets
    {
        get
        {
            var loaded = Facts.DataSets.ToDictionary(d => d.File, StringComparer.Ordinal);
            var known = DataSetCatalogue.All.Select(d => new DataSetLine(d, loaded.GetValueOrDefault(d.File)));
            var unknown = Facts.DataSets
                .Where(d => DataSetCatalogue.All.All(c => !string.Equals(c.File, d.File, StringComparison.Ordinal)))
                .Select(d => new DataSetLine(new DataSetDescription(d.File, d.File, "onbekend", "onbekend", null, "onbekend", "onbekend", "onbekend", "Geen beschrijving beschikbaar."), d));
            return [.. known, .. unknown];
        }
    }

    public static IReadOnlyList<NormLine> Norms
    {
        get
        {
            var set = NormSets.Default;
            var lines = set.Parameters
                .Select(p => new NormLine(p.Key, p.Label, Format.Share(p.Value), p.Percent, p.Source, p.Confidence, p.Note) { Exact = p.Value, Article = p.Article })
                .ToList();
            lines.Add(new NormLine("periodYears", "Looptijd van de afspraken", $"{set.PeriodYears} jaar", null,
                "Regiewijzer-parameter: 10 jaar vanaf de start van de regionale afspraak (niet gevonden in de geraadpleegde bronnen)", Confidence.Assumption, null));
            lines.Add(new NormLine("stockMetric", "Maat voor de sociale voorraad", "corporatiewoningen ÷ voorraad", null,
                "CBS 85984NED (eigendom: woningcorporatie); de wettekst noemt de maat niet eenduidig", Confidence.Assumption, set.StockMetric));
            return lines;
        }
    }

    public static IReadOnlyList<PriceLimits> PriceLimits => PriceLimitTable.All;

    public IReadOnlyList<AssumptionLine> Assumptions => AssumptionList.For(Facts);

    /// <summary>
    /// The stored tasks by origin and method, with the region's own total taken out of the method text
    /// ("regiototaal 10000, verdeeld naar ..." becomes "verdeeld naar ..."), so each method is one row.
    /// </summary>
    public IReadOnlyList<TaskMethodGroup> TaskMethods =>
    [
        .. Facts.TaskMethods
            .GroupBy(t => (t.Origin, Method: t.Method is null ? null : RegionTotal().Replace(t.Method, string.Empty)))
            .Select(g => new TaskMethodGroup(g.Key.Origin, g.Key.Method, g.Count(), g.Sum(t => t.Tasks)))
            .OrderBy(g => g.Origin).ThenByDescending(g => g.Tasks),
    ];

    /// <summary>A table by its download name, or null for an unknown name.</summary>
    public TableData? Table(string name) => name switch
    {
        "databestanden" => new TableData("Databestanden",
            ["bestand", "omschrijving", "uitgever", "overgenomen_uit", "url", "peildatum", "licentie", "gebruikt_voor", "kanttekeningen", "aanname", "rijen_in_database", "geladen_op", "sha256"],
            [.. DataSets.Select(d => (IReadOnlyList<object?>)
            [
                d.Description.File, d.Description.Title, d.Description.Publisher, d.Description.TakenFrom, d.Description.Url, d.Description.ReferenceDate,
                d.Description.Licence, d.Description.UsedFor, d.Description.Notes, d.Description.Assumption ? "ja" : "nee",
                d.Loaded?.Rows, d.Loaded?.LoadedAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), d.Loaded?.Sha256,
            ])]),
        "normen" => new TableData("Normparameters",
            ["id", "omschrijving", "waarde", "waarde_decimaal", "percentage", "bron", "zekerheid", "toelichting"],
            [.. Norms.Select(n => (IReadOnlyList<object?>)[n.Key, n.Label, n.Value, n.Exact?.ToDecimal(6), n.Percent, n.Source, n.Confidence.Dutch(), n.Note])]),
        "prijsgrenzen" => new TableData("Prijsgrenzen",
            ["jaar", "sociale_huurgrens_euro_per_maand", "middenhuurgrens_euro_per_maand", "grens_betaalbare_koop_euro", "bron", "zekerheid", "toelichting"],
            [.. PriceLimits.Select(p => (IReadOnlyList<object?>)[p.Year, p.SocialRentLimit, p.MiddleRentLimit, p.AffordablePurchaseLimit, p.Source, p.Confidence.Dutch(), p.Note])]),
        "opgaven" => new TableData("Herkomst opgaven",
            ["herkomst", "methode", "regiototalen", "opgaven"],
            [.. TaskMethods.Select(t => (IReadOnlyList<object?>)[t.Origin == TaskOrigin.Agreed ? "afgesproken" : "afgeleid", t.Method, t.Totals, t.Tasks])]),
        "aannames" => new TableData("Aannames",
            ["onderwerp", "aanname", "reikwijdte", "soort", "bron"],
            [.. Assumptions.Select(a => (IReadOnlyList<object?>)[a.Topic, a.Text, a.Scope, a.Kind, a.Source])]),
        _ => null,
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"^regiototaal [0-9]+( min afgesproken [0-9]+)?, ", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex RegionTotal();
}

/// <summary>Stored tasks of one origin and method: from how many regional totals (Totals) and how many tasks.</summary>
public sealed record TaskMethodGroup(TaskOrigin Origin, string? Method, int Totals, int Tasks);
