using System.Globalization;
using Regiewijzer.Core;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data.Features.Governance;

namespace Regiewijzer.Web.Components.Pages.Agreements;

/// <summary>Dutch texts of the agreement and exemption pages: statuses with their status class, numbers.</summary>
internal static class AgreementText
{
    public static string StatusClass(AgreementStatus status) => status switch
    {
        AgreementStatus.Adopted => "rw-status rw-status--ok",
        AgreementStatus.Proposed => "rw-status rw-status--warn",
        _ => "rw-status",
    };

    public static string StatusClass(ExemptionStatus status) => status switch
    {
        ExemptionStatus.Granted => "rw-status rw-status--ok",
        ExemptionStatus.Refused => "rw-status rw-status--bad",
        ExemptionStatus.Requested => "rw-status rw-status--warn",
        _ => "rw-status",
    };

    /// <summary>The button text of a transition.</summary>
    public static string Action(AgreementStatus from, AgreementStatus to) => to switch
    {
        AgreementStatus.Proposed => "Voorleggen aan de gemeenten",
        AgreementStatus.Adopted => "Vaststellen",
        _ => from == AgreementStatus.Proposed ? "Terugnemen naar concept" : "Naar concept",
    };

    public static string Version(AgreementView a) => $"versie {a.Number.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>"+12", "-3" or "0".</summary>
    public static string Delta(int value) => value > 0 ? "+" + Format.Count(value) : value < 0 ? "-" + Format.Count(-value) : "0";

    public static string Percent(Fraction value) => Format.Percent(value, 2).Replace(",00%", "%", StringComparison.Ordinal);
}
