using System.Collections.Immutable;

namespace Regiewijzer.Core.Norms;

/// <summary>
/// A versioned set of norm parameters: the law's values by default (<see cref="NormSets.Law2026"/>);
/// a region may use a stricter set, which is then reported (PROVINCE_EXTRA_REQUIREMENT).
/// </summary>
/// <param name="Id">Stable version id, e.g. "wvrv-2026".</param>
/// <param name="Name">Dutch name for display.</param>
/// <param name="AffordableShare">Share of new-build that must be affordable (region, province, nation).</param>
/// <param name="SocialShare">Share of new-build that must be social rent.</param>
/// <param name="LaggingThreshold">Stock share below which social rent is the lagging segment.</param>
/// <param name="SocialFloor">Municipal floor of social rent for a social-lagging municipality (of its uncontracted task).</param>
/// <param name="MiddleFloor">Municipal floor of the middle segment for a middle-lagging municipality.</param>
/// <param name="HighSocialSignal">Display level for the HIGH_SOCIAL_SHARE signal; not a legal norm.</param>
/// <param name="PeriodYears">Length of the agreement period in years.</param>
/// <param name="StockMetric">Which homes count as social stock.</param>
public sealed record NormSet(
    string Id,
    string Name,
    NormParameter AffordableShare,
    NormParameter SocialShare,
    NormParameter LaggingThreshold,
    NormParameter SocialFloor,
    NormParameter MiddleFloor,
    NormParameter HighSocialSignal,
    int PeriodYears,
    string StockMetric)
{
    /// <summary>All share parameters, in display order.</summary>
    public ImmutableArray<NormParameter> Parameters =>
        [AffordableShare, SocialShare, LaggingThreshold, SocialFloor, MiddleFloor, HighSocialSignal];

    /// <summary>
    /// A copy with the given parameter values replaced (keys as in <see cref="NormParameter.Key"/>).
    /// Replaced values are labelled as set by the scenario, not by law.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown key, or a value outside [0, 1].</exception>
    public NormSet With(IReadOnlyDictionary<string, Fraction> overrides, string source)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var result = this;
        foreach (var (key, value) in overrides)
        {
            if (value < Fraction.Zero || value > Fraction.One)
            {
                throw new ArgumentException($"Norm '{key}' must lie in [0, 1], got {value}.", nameof(overrides));
            }

            NormParameter Replace(NormParameter p) =>
                p.Value == value ? p : p with { Value = value, Source = source, Confidence = Confidence.Assumption };

            result = key switch
            {
                "affordableShare" => result with { AffordableShare = Replace(result.AffordableShare) },
                "socialShare" => result with { SocialShare = Replace(result.SocialShare) },
                "laggingThreshold" => result with { LaggingThreshold = Replace(result.LaggingThreshold) },
                "socialFloor" => result with { SocialFloor = Replace(result.SocialFloor) },
                "middleFloor" => result with { MiddleFloor = Replace(result.MiddleFloor) },
                "highSocialSignal" => result with { HighSocialSignal = Replace(result.HighSocialSignal) },
                _ => throw new ArgumentException($"Unknown norm '{key}'.", nameof(overrides)),
            };
        }

        return result == this ? this : result with { Id = Id + "+scenario", Name = Name + " (aangepast in scenario)" };
    }
}
