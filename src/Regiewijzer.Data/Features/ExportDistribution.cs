using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Norms;
using Regiewijzer.Data.Export;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Features;

public enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>A region's distribution as a file for Excel (see <see cref="TableFile"/>).</summary>
public static class ExportDistribution
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "code", "gemeente", "opgave", "aandeel_corporatie", "achterblijvend", "ondergrens_sociale_huur", "ondergrens_middensegment",
        "regionaal_sociale_huur", "regionaal_middensegment", "sociale_huur", "middensegment", "vrije_sector", "inhaalbehoefte",
    ];

    /// <summary>Distributes the region (without storing a run) and writes it; a null result means there was nothing to distribute.</summary>
    public static async Task<RegionOutcome> RunAsync(RegiewijzerDb db, HousingRegionRow region, ExportFormat format, Stream output, CancellationToken ct = default)
    {
        var outcome = await DistributeRegion.RunAsync(db, region, store: false, ct: ct).ConfigureAwait(false);
        if (outcome.Result is { } result)
        {
            if (format == ExportFormat.Csv)
            {
                WriteCsv(result, output);
            }
            else
            {
                WriteXlsx(result, output);
            }
        }

        return outcome;
    }

    /// <summary>The distribution as a table: one row per municipality, the columns of <see cref="Columns"/>.</summary>
    public static TableData Table(RegionDistribution result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new TableData(result.Name, Columns, [.. result.Municipalities.Select(m => (IReadOnlyList<object?>)[.. Cells(m)])]);
    }

    public static void WriteCsv(RegionDistribution result, Stream output) => TableFile.WriteCsv(Table(result), output);

    public static void WriteXlsx(RegionDistribution result, Stream output) => TableFile.WriteXlsx(Table(result), output);

    /// <inheritdoc cref="TableFile.Neutralise"/>
    public static string Neutralise(string text) => TableFile.Neutralise(text);

    private static IEnumerable<object> Cells(MunicipalityDistribution m) =>
    [
        m.Code.Value, m.Name, m.Task, m.StockShare.ToDecimal(4), m.Lagging.Dutch(),
        m.FloorSocial, m.FloorMiddle, m.RegionalSocial, m.RegionalMiddle, m.Social, m.Middle, m.Free, m.CatchUpNeed,
    ];
}
