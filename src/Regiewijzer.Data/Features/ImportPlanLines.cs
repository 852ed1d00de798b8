using Regiewijzer.Core;
using Regiewijzer.Core.Monitoring;
using Regiewijzer.Core.Norms;
using Regiewijzer.Data.Import;

namespace Regiewijzer.Data.Features;

/// <summary>One valid row of a plans file: the plan's fields as written on that row and the homes of that part.</summary>
internal sealed record PlanLine(
    int Line,
    string Municipality,
    string Code,
    string Name,
    PlanningStatus Status,
    int From,
    int To,
    int? PriceLevelYear,
    bool Contracted,
    DateOnly? ContractedOn,
    string? Source,
    SegmentHomes Homes);

/// <summary>Checks the rows of a plans file one by one (see <see cref="ImportPlans"/>); every error goes to the shared checks.</summary>
internal sealed class PlanLineReader(ImportChecks check, Table table, IReadOnlySet<string> known)
{
    /// <summary>Above this monthly rent a "huur" amount is almost certainly a purchase price, below the purchase floor a "koop" amount a rent.</summary>
    public const decimal MaxMonthlyRent = 10_000m;

    private const decimal MinPurchasePrice = 10_000m;

    private readonly Dictionary<string, int> seen = new(StringComparer.Ordinal);

    /// <summary>The checked row, or null when anything on it is wrong (each problem is reported).</summary>
    public PlanLine? Read(TableRow row)
    {
        var errors = check.Errors.Count;
        var municipality = check.Municipality(row, "gemeentecode", known);
        var code = check.Text(row, "plancode", 100, required: true);
        var name = check.Text(row, "naam", 200, required: true);
        PlanningStatus? status = PlanningStatuses.TryParse(row["planstatus"], out var s) ? s : null;
        if (status is null)
        {
            check.Add(row, "planstatus", row["planstatus"].Length == 0
                ? "leeg; kies 1a, 1b, 1c, 2a, 2b, 3, 4a of 4b"
                : $"'{row["planstatus"]}' is geen planstatus; kies 1a, 1b, 1c, 2a, 2b, 3, 4a of 4b");
        }

        var from = check.Year(row, "opleverjaar_van");
        var to = row["opleverjaar_tot"].Length == 0 ? from : check.Year(row, "opleverjaar_tot");
        if (from is { } f && to is { } t && t < f)
        {
            check.Add(row, "opleverjaar_tot", $"opleverjaar_tot {t} ligt voor opleverjaar_van {f}");
        }

        var priceLevelYear = row["prijspeiljaar"].Length == 0 ? null : check.Year(row, "prijspeiljaar");
        var contracted = check.YesNo(row, "gecontracteerd", empty: false);
        var contractedOn = check.Date(row, "contractdatum");
        if (contracted is { } isContracted && !Plan.ContractDateAllowed(isContracted, contractedOn is not null))
        {
            check.Add(row, "contractdatum", "een contractdatum hoort alleen bij gecontracteerd = ja");
        }

        var source = check.Text(row, "bron", 500, required: false);
        var homes = Homes(row, priceLevelYear);
        if (municipality is not null && code is not null)
        {
            var key = string.Join('\u001F', table.Columns.Select(c => row[c]));
            check.Unique(seen, key, row, "plancode", $"dezelfde rij van plan {municipality} {code}");
        }

        return check.Errors.Count > errors
            ? null
            : new PlanLine(row.Line, municipality!, code!, name!, status!.Value, from!.Value, to!.Value, priceLevelYear, contracted!.Value, contractedOn, source, homes!.Value);
    }

    /// <summary>The homes of the row: its segment counts, or its priced homes classified; null after an error.</summary>
    private SegmentHomes? Homes(TableRow row, int? priceLevelYear)
    {
        var segments = ImportPlans.SegmentColumns.Where(c => row[c].Length > 0).ToList();
        var priced = ImportPlans.PricedColumns.Where(c => row[c].Length > 0).ToList();
        if (segments.Count > 0 && priced.Count > 0)
        {
            check.Add(row, priced[0], $"deze rij heeft zowel segmentaantallen ({string.Join(", ", segments)}) als een prijs ({string.Join(", ", priced)}); gebruik per rij één van beide");
            return null;
        }

        if (segments.Count > 0)
        {
            var counts = ImportPlans.SegmentColumns.Select(c => row[c].Length == 0 ? 0 : check.Count(row, c)).ToList();
            return counts.Any(c => c is null) ? null : new SegmentHomes(counts[0]!.Value, counts[1]!.Value, counts[2]!.Value, counts[3]!.Value, counts[4]!.Value, counts[5]!.Value);
        }

        if (priced.Count == 0)
        {
            var column = table.Columns.Contains("aantal") ? "aantal" : ImportPlans.SegmentColumns.First(table.Columns.Contains);
            check.Add(row, column, $"geen woningen op deze rij; vul de segmentkolommen ({string.Join(", ", ImportPlans.SegmentColumns)}) of eigendom, prijs en aantal");
            return null;
        }

        return Priced(row, priceLevelYear);
    }

    private SegmentHomes? Priced(TableRow row, int? priceLevelYear)
    {
        Tenure? tenure = row["eigendom"].ToLowerInvariant() switch
        {
            "huur" => Tenure.Rent,
            "koop" => Tenure.Ownership,
            _ => null,
        };
        if (tenure is null)
        {
            check.Add(row, "eigendom", row["eigendom"].Length == 0 ? "leeg; kies huur of koop" : $"'{row["eigendom"]}' is geen eigendom; kies huur of koop");
        }

        var amount = check.Amount(row, "prijs");
        var count = check.Count(row, "aantal");
        if (tenure == Tenure.Rent && amount > MaxMonthlyRent)
        {
            check.Add(row, "prijs", $"huur € {amount.Value.ToString("N2", Format.Dutch)} per maand is onwaarschijnlijk (meer dan € {Format.Count((long)MaxMonthlyRent)}); is het een koopprijs?");
            amount = null;
        }
        else if (tenure == Tenure.Ownership && amount < MinPurchasePrice)
        {
            check.Add(row, "prijs", $"koopprijs € {amount.Value.ToString("N2", Format.Dutch)} is onwaarschijnlijk (minder dan € {Format.Count((long)MinPurchasePrice)}); is het een maandhuur?");
            amount = null;
        }

        if (priceLevelYear is null && row["prijspeiljaar"].Length == 0)
        {
            check.Add(row, "prijspeiljaar", "leeg; een rij met een prijs heeft een prijspeiljaar nodig (de prijsgrenzen van dat jaar bepalen het segment)");
        }

        if (tenure is null || amount is null || count is null || priceLevelYear is not { } year)
        {
            return null;
        }

        var result = PlanClassification.Classify(year, tenure.Value, amount.Value, count.Value);
        foreach (var error in result.Errors)
        {
            check.Add(row, PriceLimitTable.TryFor(year, out _) ? "prijs" : "prijspeiljaar", error);
        }

        return result.IsValid ? result.Homes : null;
    }
}
