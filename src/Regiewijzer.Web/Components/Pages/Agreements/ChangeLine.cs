using Regiewijzer.Core.Governance;

namespace Regiewijzer.Web.Components.Pages.Agreements;

/// <summary>One municipality (or the region total) before and after, per segment; Marked for the requester of an exemption.</summary>
public sealed record ChangeLine(string Code, string Name, CountChange Social, CountChange Middle, CountChange Free, bool Marked = false)
{
    public CountChange Affordable => Social + Middle;

    public static IReadOnlyList<ChangeLine> From(AgreementDiff diff) =>
        [.. diff.Rows.Select(r => new ChangeLine(r.Code.Value, r.Name, r.Social, r.Middle, r.Free))];

    public static IReadOnlyList<ChangeLine> From(ExemptionWhatIf whatIf) =>
        [.. whatIf.Rows.Select(r => new ChangeLine(r.Code.Value, r.Name, r.Social, r.Middle, r.Free, r.IsRequester))];
}
