using System.Globalization;
using Regiewijzer.Core;
using Regiewijzer.Core.Monitoring;
using Regiewijzer.Data.Features;

namespace Regiewijzer.Web.Components.Pages.Progress;

/// <summary>Dutch text of the voortgang pages: tiers as status badges, ratios, reasons, levels.</summary>
public static class ProgressText
{
    /// <summary>The status badge class of a tier: ok (op koers), warn (aandacht), bad (achter, ernstig achter). The badge always says the tier.</summary>
    public static string StatusClass(WarningTier tier) => tier switch
    {
        WarningTier.OnTrack => "rw-status rw-status--ok",
        WarningTier.Attention => "rw-status rw-status--warn",
        _ => "rw-status rw-status--bad",
    };

    /// <summary>Tier text with a first capital, for a badge that starts a sentence.</summary>
    public static string Tier(WarningTier tier) => Capital(tier.Dutch());

    /// <summary>Tier text with a first capital and, when it rests on estimated or missing figures, "(indicatief)".</summary>
    public static string Tier(WarningTier tier, Evidence evidence) =>
        evidence == Evidence.Measured ? Tier(tier) : $"{Tier(tier)} (indicatief)";

    /// <summary>What the realised figures rest on, in a sentence ("gemeten tellingen", ...).</summary>
    public static string EvidenceSentence(Evidence evidence) => evidence switch
    {
        Evidence.Measured => "gemeten: alle gerealiseerde woningen zijn tellingen",
        Evidence.Estimated => "geschat: een deel van de gerealiseerde woningen is een schatting of benadering, geen telling",
        _ => "ontbrekend: van een verstreken jaar ontbreken gerealiseerde woningen",
    };

    /// <summary>Who completes the data of a subject and how (for the step "gegevens aanvullen").</summary>
    public static string WhoCompletesData(MonitoringSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var who = subject.Level == MonitoringLevel.Municipality ? $"bewerkers van {subject.Name}" : "bewerkers van de gemeenten die meetellen";
        return $"Een signaal op geschatte of ontbrekende cijfers is indicatief en draagt geen stap op de escalatieladder. "
            + $"Gegevens aanvullen: {who} voeren gemeten aantallen gerealiseerde woningen per jaar in met het formulier Realisaties van de gemeente "
            + "of met een import (CSV of Excel):";
    }

    /// <summary>A ratio as a percentage ("71,8%"), or a dash when there is none.</summary>
    public static string Ratio(Fraction? ratio) => ratio is { } r ? Format.Percent(r) : "–";

    /// <summary>A share of homes, or a dash when the whole is zero.</summary>
    public static string Share(int part, int whole) => whole == 0 ? "–" : Format.Percent(new Fraction(part, whole));

    /// <summary>Group name with a first capital ("Sociale huur", "Totaal").</summary>
    public static string Group(SegmentGroup group) => Capital(group.Dutch());

    /// <summary>"gemeente", "woningbouwregio", "provincie", "land".</summary>
    public static string Level(MonitoringLevel level) => level switch
    {
        MonitoringLevel.Municipality => "gemeente",
        MonitoringLevel.Region => "woningbouwregio",
        MonitoringLevel.Province => "provincie",
        _ => "land",
    };

    /// <summary>The subject as in a sentence: "Regio Foodvalley", "provincie Gelderland", "Ede", "Nederland".</summary>
    public static string Name(MonitoringSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return subject.Level == MonitoringLevel.Province ? $"provincie {subject.Name}" : subject.Name;
    }

    /// <summary>The subject at the start of a caption: "Provincie Gelderland", "Regio Foodvalley", "Ede".</summary>
    public static string CaptionName(MonitoringSubject subject) => Capital(Name(subject));

    /// <summary>A seed as digits (not a count: no thousands separators).</summary>
    public static string Seed(ulong seed) => seed.ToString(CultureInfo.InvariantCulture);

    /// <summary>Homes per segment in words: "segment onbekend" when all are unknown, else the known segments and the unknown rest.</summary>
    public static string Segments(SegmentHomes homes)
    {
        if (homes.Total == homes.Unknown)
        {
            return "segment onbekend";
        }

        var parts = new List<string>();
        foreach (var (group, count) in new[]
        {
            (SegmentGroup.SocialRent, homes.SocialRent), (SegmentGroup.MiddleRent, homes.MiddleRent), (SegmentGroup.AffordableOwnership, homes.AffordableOwnership),
            (SegmentGroup.FreeRent, homes.FreeRent), (SegmentGroup.FreeOwnership, homes.FreeOwnership),
        })
        {
            if (count > 0)
            {
                parts.Add($"{group.Dutch()} {Format.Count(count)}");
            }
        }

        if (homes.Unknown > 0)
        {
            parts.Add($"onbekend {Format.Count(homes.Unknown)}");
        }

        return string.Join(", ", parts);
    }

    /// <summary>A note without its own leading "Aanname." or "Aanname:" (the page labels it already).</summary>
    public static string WithoutAssumptionPrefix(string note)
    {
        ArgumentNullException.ThrowIfNull(note);
        foreach (var prefix in new[] { "Aanname. ", "Aanname: " })
        {
            if (note.StartsWith(prefix, StringComparison.Ordinal))
            {
                return Capital(note[prefix.Length..]);
            }
        }

        return note;
    }

    private static string Capital(string text) => text.Length == 0 ? text : string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));
}
