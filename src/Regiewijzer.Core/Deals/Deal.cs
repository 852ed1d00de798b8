using System.Collections.Immutable;
using Regiewijzer.Core.Geography;

namespace Regiewijzer.Core.Deals;

/// <summary>How precise a published deal total is.</summary>
public enum DealTotalPrecision
{
    /// <summary>The source gives the number as it is.</summary>
    Exact,

    /// <summary>The source rounds ("ongeveer", "ruim", "zo'n", a round press figure).</summary>
    Rounded,

    /// <summary>The source gives a lower bound ("minimaal", "ten minste", "ondergrens").</summary>
    Minimum,

    /// <summary>No total was found in a public source.</summary>
    Unknown,
}

/// <summary>A deal's total with its precision; <see cref="Homes"/> is null exactly when the precision is <see cref="DealTotalPrecision.Unknown"/>.</summary>
/// <remarks>
/// <para>Homes: New homes agreed for the whole deal over its period, when known.</para>
/// <para>Precision: How precise the number is.</para>
/// <para>Wording: The source's own words about the number (e.g. "minimaal 45.000"), kept as published.</para>
/// </remarks>
public sealed record DealTotal
{
    /// <exception cref="ArgumentException">A number with precision Unknown, or no number with another precision.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A negative number.</exception>
    public DealTotal(int? homes, DealTotalPrecision precision, string wording)
    {
        if (homes is { } h)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(h, nameof(homes));
        }

        if (homes is null != (precision == DealTotalPrecision.Unknown))
        {
            throw new ArgumentException("A deal total has a number exactly when its precision is not Unknown.", nameof(homes));
        }

        Homes = homes;
        Precision = precision;
        Wording = wording ?? string.Empty;
    }

    public int? Homes { get; }

    public DealTotalPrecision Precision { get; }

    public string Wording { get; }

    public bool IsKnown => Homes is not null;
}

/// <summary>How sure it is that a municipality is a party to a deal.</summary>
public enum PartyCertainty
{
    /// <summary>Named in the deal text or a source about the deal.</summary>
    Stated,

    /// <summary>Constructed for this project from regional co-operation (indicatief).</summary>
    Indicative,

    /// <summary>Derived from other figures (e.g. a member count), not confirmed by a deal text.</summary>
    Derived,
}

/// <summary>A municipality that is a party to a deal.</summary>
public sealed record DealParty(MunicipalityCode Municipality, string Name, ProvinceCode Province, PartyCertainty Certainty, string Source);

/// <summary>A municipal number published within a deal (homes over the deal's period).</summary>
public sealed record PublishedNumber(MunicipalityCode Municipality, int Homes, string Source);

/// <summary>
/// The split a deal itself agreed, where a source states it; each part null when not stated.
/// <see cref="AffordableTotal"/> is the stated affordable total, else the sum of the three parts when all three are stated.
/// </summary>
public sealed record DealSplit(int? SocialRent, int? MiddleRent, int? AffordablePurchase, int? StatedAffordable, string Source, string Quote)
{
    public int? AffordableTotal => StatedAffordable ?? (SocialRent is { } s && MiddleRent is { } m && AffordablePurchase is { } p ? s + m + p : null);
}

/// <summary>
/// A woondeal: an agreement between parties (municipalities, provinces, the state) about a number of homes over a period.
/// Unlike a woningbouwregio, a municipality may be party to more than one deal.
/// </summary>
/// <remarks>
/// <para>Id: WD01..WD35 for the shipped deals.</para>
/// <para>Provinces: The provinces that are party (names as in the deal).</para>
/// <para>PeriodFrom: First year of the period (inclusive).</para>
/// <para>PeriodTo: Last year of the period (inclusive).</para>
/// </remarks>
public sealed record Deal(
    string Id,
    string Name,
    ImmutableArray<string> Provinces,
    DealTotal Total,
    ImmutableArray<DealParty> Parties,
    ImmutableArray<PublishedNumber> Numbers,
    DealSplit? Split,
    int PeriodFrom,
    int PeriodTo,
    string? Source,
    string? Notes)
{
    /// <summary>True when the deal's parties lie in more than one province.</summary>
    public bool CrossesBorder => Parties.Select(p => p.Province).Distinct().Count() > 1 || Provinces.Length > 1;
}
