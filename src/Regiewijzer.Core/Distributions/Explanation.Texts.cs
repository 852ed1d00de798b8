using System.Text;
using Regiewijzer.Core.Norms;

namespace Regiewijzer.Core.Distributions;

/// <summary>The fragments of the explanation that are the same for many municipalities, made once and kept per thread.</summary>
public static partial class Explanation
{
    [ThreadStatic]
    private static Texts? t_lastTexts;

    [ThreadStatic]
    private static NormTexts? t_lastNormTexts;

    [ThreadStatic]
    private static StringBuilder? t_builder;

    /// <summary>A cleared builder reused on this thread for one step's line at a time (the caller takes its ToString before the next); room for the longest lines.</summary>
    private static StringBuilder Builder()
    {
        var builder = t_builder ??= new StringBuilder(4096);
        return builder.Clear();
    }

    /// <summary>
    /// The texts that are the same for every municipality of <paramref name="region"/>, made once per region: the explanations
    /// of a region's municipalities are usually asked one after the other, so the last region's texts are kept per thread
    /// (keyed by reference: a result is immutable, so the same object always gives the same texts).
    /// </summary>
    private static Texts TextsOf(RegionDistribution region)
    {
        var texts = t_lastTexts;
        if (texts is null || !ReferenceEquals(texts.Region, region))
        {
            texts = new Texts(region, NormTextsOf(region.Norms));
            t_lastTexts = texts;
        }

        return texts;
    }

    /// <summary>The texts that depend only on the norms, kept like <see cref="TextsOf"/>: the regions of one run share their norm set.</summary>
    private static NormTexts NormTextsOf(NormSet norms)
    {
        var texts = t_lastNormTexts;
        if (texts is null || !ReferenceEquals(texts.Set, norms))
        {
            texts = new NormTexts(norms);
            t_lastNormTexts = texts;
        }

        return texts;
    }

    /// <summary>The norm-level fragments of the explanation (thresholds, shares, sources), each formatted exactly as the steps wrote them inline before.</summary>
    private sealed class NormTexts(NormSet norms)
    {
        private readonly string?[] _floorSources = new string?[4];

        public NormSet Set { get; } = norms;

        public string ThresholdPercent => field ??= Set.LaggingThreshold.Percent;

        public string ThresholdShare => field ??= Format.Share(Set.LaggingThreshold.Value);

        public ExplanationValue Threshold => field ??= new("drempel", ThresholdShare);

        public string ThresholdSource => field ??=
            $"{Set.LaggingThreshold.Source} [{Set.LaggingThreshold.Confidence.Dutch()}]; {Set.LaggingThreshold.Note}";

        public string StockSource => field ??= $"{Input}; maatstaf: {Set.StockMetric}";

        public string SocialShare => field ??= Format.Share(Set.SocialShare.Value);

        public string AffordableShare => field ??= Format.Share(Set.AffordableShare.Value);

        public string SocialFloorShare => field ??= Format.Share(Set.SocialFloor.Value);

        public string MiddleFloorShare => field ??= Format.Share(Set.MiddleFloor.Value);

        public string SocialSource => field ??=
            $"{Set.SocialShare.Source} [{Set.SocialShare.Confidence.Dutch()}]; verdeelsleutel door de regio gekozen; {Algorithm}";

        public string MiddleSource => field ??=
            $"{Set.AffordableShare.Source} [{Set.AffordableShare.Confidence.Dutch()}]; {Algorithm}";

        public string PartSocialSource => field ??=
            $"{Set.SocialShare.Source} [{Set.SocialShare.Confidence.Dutch()}]; de norm geldt landelijk, per provincie en per regio; verdeelsleutel door de regio gekozen; Regiewijzer-verdeelmethode (/bronnen#verdeelmethode-grens)";

        public string PartMiddleSource => field ??=
            $"{Set.AffordableShare.Source} [{Set.AffordableShare.Confidence.Dutch()}]; de norm geldt landelijk, per provincie en per regio; Regiewijzer-verdeelmethode (/bronnen#verdeelmethode-grens)";

        public string FloorSource(bool social, bool exempted)
        {
            var k = (social ? 2 : 0) + (exempted ? 1 : 0);
            if (_floorSources[k] is { } cached)
            {
                return cached;
            }

            var norm = social ? Set.SocialFloor : Set.MiddleFloor;
            return _floorSources[k] = $"{norm.Source} [{norm.Confidence.Dutch()}]" + (exempted ? "; ontheffing verleend door provincie" : string.Empty);
        }
    }

    /// <summary>The region-level fragments of the explanation and the values every municipality shows alike (records: shared safely).</summary>
    private sealed class Texts(RegionDistribution region, NormTexts norms)
    {
        private PartTexts[]? _parts;

        public RegionDistribution Region { get; } = region;

        public NormTexts Norms { get; } = norms;

        /// <summary>RS, DS and DA of the whole region.</summary>
        public Amounts Amounts { get; } = new(region.RequiredSocial, region.SocialRemainder, region.AffordableRemainder, string.Empty);

        public string SocialResidual => field ??= Format.Count(Region.SocialResidual);

        public string AffordableResidual => field ??= Format.Count(Region.AffordableResidual);

        public ExplanationValue SocialResidualValue => field ??= new("restant regio", SocialResidual);

        public ExplanationValue AffordableResidualValue => field ??= new("restant regio", AffordableResidual);

        public string SocialIntro => field ??=
            $"De regio moet {Amounts.RequiredSocial} sociale huurwoningen bouwen ({Norms.SocialShare} van {Format.Count(Region.Task)}). De ondergrenzen samen zijn {Format.Count(Region.SumFloorSocial)}, dus er zijn nog {Amounts.SocialRemainder} te verdelen, {KeyText(Region.Key)}. ";

        public string MiddleIntro => field ??=
            $"Na de sociale huur heeft de regio nog {Amounts.AffordableRemainder} betaalbare woningen nodig om {Format.Count(Region.RequiredAffordable)} ({Norms.AffordableShare} van {Format.Count(Region.Task)}) te halen. ";

        public string NoSocialResidual => field ??=
            $" Omdat elk provinciaal deel zijn eigen norm haalt, haalt ook de regio haar {Amounts.RequiredSocial}; er is geen restant voor de hele regio.";

        public PartTexts PartOf(Geography.ProvinceCode? province)
        {
            var parts = _parts ??= new PartTexts[Region.Parts.Length];
            for (var k = 0; k < parts.Length; k++)
            {
                if (Region.Parts[k].Province == province)
                {
                    return parts[k] ??= new PartTexts(this, Region.Parts[k]);
                }
            }

            throw new InvalidOperationException($"Region {Region.Name} has no part for {province}.");
        }

        /// <summary>The fragments of one province part.</summary>
        public sealed class PartTexts(Texts region, RegionPart part)
        {
            public RegionPart Part { get; } = part;

            /// <summary>RS, DS and DA of this part.</summary>
            public Amounts Amounts { get; } = new(part.RequiredSocial, part.SocialRemainder, part.AffordableRemainder, " deel");

            public string SocialIntro => field ??=
                $"De regio ligt in {region.Region.Parts.Length} provincies, en de norm van {region.Norms.SocialShare} sociale huur geldt ook per provincie. Daarom wordt eerst {PartName(Part)} ({Part.MunicipalityCount} gemeente(n), opgave {Format.Count(Part.Task)}) op de norm gebracht: dat deel moet {Amounts.RequiredSocial} sociale huurwoningen bouwen. De ondergrenzen daar zijn samen {Format.Count(Part.SumFloorSocial)}, dus er zijn {Amounts.SocialRemainder} te verdelen, alleen over de gemeenten in dit deel, {KeyText(region.Region.Key)}. ";

            public string MiddleIntro => field ??=
                $"Na de sociale huur heeft {PartName(Part)} nog {Amounts.AffordableRemainder} betaalbare woningen nodig om zijn eigen {Format.Count(Part.RequiredAffordable)} ({region.Norms.AffordableShare} van {Format.Count(Part.Task)}) te halen. ";
        }
    }

    /// <summary>
    /// What a region, or one of its province parts, has to distribute: the social homes required (RS), the social remainder
    /// (DS) and the affordable remainder (DA), as text and as the values a step shows (a part's named "RS deel" and so on).
    /// </summary>
    private sealed class Amounts(int requiredSocial, int socialRemainder, int affordableRemainder, string suffix)
    {
        public string RequiredSocial { get; } = Format.Count(requiredSocial);

        public string SocialRemainder { get; } = Format.Count(socialRemainder);

        public string AffordableRemainder { get; } = Format.Count(affordableRemainder);

        public ExplanationValue RequiredSocialValue => field ??= new("RS" + suffix, RequiredSocial);

        public ExplanationValue SocialRemainderValue => field ??= new("DS" + suffix, SocialRemainder);

        public ExplanationValue AffordableRemainderValue => field ??= new("DA" + suffix, AffordableRemainder);
    }
}
