using System.Collections.Immutable;

namespace Regiewijzer.Core.Norms;

/// <summary>
/// The price limits of one year (euros, inclusive upper bounds): a home at exactly the limit is in
/// the lower segment.
/// </summary>
/// <param name="Year">The price level year (prijspeil) these limits apply to.</param>
/// <param name="SocialRentLimit">Highest monthly initial rent of social rent.</param>
/// <param name="MiddleRentLimit">Highest monthly rent of middle rent (186 WWS points).</param>
/// <param name="AffordablePurchaseLimit">Highest purchase price (v.o.n.) of affordable ownership.</param>
/// <param name="Source">Where the limits come from.</param>
/// <param name="Confidence">How sure the values are; the middle-rent limit before 2026 is approximate.</param>
/// <param name="Note">Dutch note on approximations.</param>
/// <param name="Article">The article of a law or decree that states the limits; required for <see cref="Confidence.Verified"/>.</param>
/// <exception cref="ArgumentException">Verified without an article.</exception>
public sealed record PriceLimits(
    int Year,
    decimal SocialRentLimit,
    decimal MiddleRentLimit,
    decimal AffordablePurchaseLimit,
    string Source,
    Confidence Confidence,
    string? Note = null,
    string? Article = null)
{
    private readonly bool _labelled = Confidences.CheckArticle(Confidence, Article, $"prijsgrenzen {Year}");

    /// <summary>Segment of a rented home with the given monthly initial rent.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The rent is negative.</exception>
    public Segment ClassifyRent(decimal monthlyRent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(monthlyRent);
        return monthlyRent <= SocialRentLimit ? Segment.SocialRent
            : monthlyRent <= MiddleRentLimit ? Segment.MiddleRent
            : Segment.FreeRent;
    }

    /// <summary>Segment of an owner-occupied home with the given price (v.o.n.).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The price is negative.</exception>
    public Segment ClassifyPurchase(decimal price)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(price);
        return price <= AffordablePurchaseLimit ? Segment.AffordableOwnership : Segment.FreeOwnership;
    }
}

/// <summary>The year-versioned price limits (law as data); secondary sources until each is checked against its regulation's article.</summary>
public static class PriceLimitTable
{
    private const string Source = "Rijksoverheid: huurprijsgrenzen en grens betaalbare koop per jaar (publicaties per jaar; het artikel in wet of regeling is niet nagelopen)";

    public static ImmutableArray<PriceLimits> All { get; } =
    [
        new(2023, 808.06m, 1000m, 355_000m, Source, Confidence.Secondary, "Middenhuurgrens bij benadering: ongeveer € 1.000 (zoals in de woondealteksten)."),
        new(2024, 879.66m, 1158m, 390_000m, Source, Confidence.Secondary, "Middenhuurgrens bij benadering: ongeveer € 1.158 (vanaf 1 juli 2024)."),
        new(2025, 900.07m, 1184.82m, 405_000m, Source, Confidence.Secondary, "Middenhuurgrens bij benadering: ongeveer € 1.184,82."),
        new(2026, 932.93m, 1228.07m, 420_000m, Source, Confidence.Secondary),
    ];

    /// <summary>The limits of a price level year.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No limits are known for that year.</exception>
    public static PriceLimits For(int year) =>
        TryFor(year, out var limits)
            ? limits
            : throw new ArgumentOutOfRangeException(nameof(year), year, $"Geen prijsgrenzen bekend voor {year} (bekend: {All[0].Year}-{All[^1].Year}).");

    public static bool TryFor(int year, out PriceLimits limits)
    {
        foreach (var l in All)
        {
            if (l.Year == year)
            {
                limits = l;
                return true;
            }
        }

        limits = null!;
        return false;
    }
}
