using System.Collections.Immutable;
using System.Globalization;
using Regiewijzer.Core.Norms;

namespace Regiewijzer.Core.Monitoring;

/// <summary>Rented or owner-occupied.</summary>
public enum Tenure
{
    /// <summary>Huur: the amount is the monthly initial rent in euros.</summary>
    Rent,

    /// <summary>Koop: the amount is the purchase price (v.o.n.) in euros.</summary>
    Ownership,
}

/// <summary><paramref name="Count"/> homes of one tenure with the same rent or price.</summary>
/// <param name="Tenure">Rent or ownership.</param>
/// <param name="Amount">Monthly initial rent (rent) or purchase price v.o.n. (ownership), euros.</param>
/// <param name="Count">Number of homes.</param>
public readonly record struct PricedHomes(Tenure Tenure, decimal Amount, int Count);

/// <summary>The outcome of a classification: the homes per segment, or every reason it failed (Dutch).</summary>
public sealed record ClassificationResult(SegmentHomes Homes, ImmutableArray<string> Errors)
{
    public bool IsValid => Errors.IsEmpty;
}

/// <summary>
/// Classifies homes given by rent or price into segments with the limits of the plan's price
/// level year (<see cref="PriceLimitTable"/>; a rent or price exactly at a limit is in the lower
/// segment). Bad input (an unknown year, a negative amount or count) is an expected outcome and
/// comes back as errors, not as an exception.
/// </summary>
public static class PlanClassification
{
    /// <summary>Adds up <paramref name="homes"/> per segment with the limits of <paramref name="priceLevelYear"/>.</summary>
    public static ClassificationResult Classify(int priceLevelYear, IEnumerable<PricedHomes> homes)
    {
        ArgumentNullException.ThrowIfNull(homes);
        var errors = ImmutableArray.CreateBuilder<string>();
        if (!PriceLimitTable.TryFor(priceLevelYear, out var limits))
        {
            errors.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"Geen prijsgrenzen bekend voor prijspeil {priceLevelYear} (bekend: {PriceLimitTable.All[0].Year}-{PriceLimitTable.All[^1].Year})."));
        }

        var counts = new long[5];
        var line = 0;
        foreach (var item in homes)
        {
            line++;
            if (item.Count < 0)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"Regel {line}: aantal {item.Count} is negatief."));
            }

            if (item.Amount < 0)
            {
                errors.Add($"Regel {line}: {(item.Tenure == Tenure.Rent ? "huur" : "prijs")} € {item.Amount.ToString("N2", Format.Dutch)} is negatief.");
            }

            if (limits is not null && item.Count >= 0 && item.Amount >= 0)
            {
                var segment = item.Tenure == Tenure.Rent ? limits.ClassifyRent(item.Amount) : limits.ClassifyPurchase(item.Amount);
                counts[(int)segment] += item.Count;
            }
        }

        if (counts.Any(c => c > int.MaxValue))
        {
            errors.Add("Te veel woningen in één segment.");
        }

        return errors.Count > 0
            ? new ClassificationResult(SegmentHomes.Zero, errors.ToImmutable())
            : new ClassificationResult(new SegmentHomes((int)counts[0], (int)counts[1], (int)counts[2], (int)counts[3], (int)counts[4]), []);
    }

    /// <summary>Classifies a single group of homes (see <see cref="Classify(int, IEnumerable{PricedHomes})"/>).</summary>
    public static ClassificationResult Classify(int priceLevelYear, Tenure tenure, decimal amount, int count = 1) =>
        Classify(priceLevelYear, [new PricedHomes(tenure, amount, count)]);
}
