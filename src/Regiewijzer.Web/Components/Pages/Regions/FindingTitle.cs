using Regiewijzer.Core;
using Regiewijzer.Core.Compliance;
using Regiewijzer.Core.Distributions;

namespace Regiewijzer.Web.Components.Pages.Regions;

/// <summary>A short Dutch heading per finding code (Core's title; the signal names the municipality), and the status class that goes with its severity.</summary>
internal static class FindingTitle
{
    public static string For(Finding finding, RegionDistribution result)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(result);
        var who = result.Municipalities.FirstOrDefault(m => m.Code == finding.Municipality)?.Name;
        return finding.Code switch
        {
            FindingCode.HighSocialShare => $"{finding.Code.Title()}: {who}: gevraagd meer dan {Signal(result)} van de opgave als sociale huur te bouwen",
            _ => finding.Code.Title(),
        };
    }

    /// <summary>"de helft" for the default signal level 1/2, otherwise the percentage.</summary>
    public static string Signal(RegionDistribution result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var level = result.Norms.HighSocialSignal.Value;
        return level == new Fraction(1, 2) ? "de helft" : Format.Percent(level, 0);
    }

    public static string StatusClass(Severity severity) => severity switch
    {
        Severity.Error => "rw-status rw-status--bad",
        _ => "rw-status rw-status--warn",
    };
}
