using System.Diagnostics.CodeAnalysis;
using Regiewijzer.Core;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Scenarios;

namespace Regiewijzer.Web.Components.Pages.Regions.Scenarios;

/// <summary>
/// What the what-if form posts, exactly as typed (text, so nothing the user typed is lost when it is invalid).
/// Field names: Form.Key, Form.Basis, Form.Rows[GM0228].Task, ...; the page and the download endpoints bind the same names.
/// </summary>
public sealed class WhatIfForm
{
    /// <summary>Form field prefix (the page's parameter name).</summary>
    public const string Prefix = "Form";

    /// <summary>"proportional", "lagging-first" or "gap-weighted".</summary>
    public string? Key { get; set; }

    /// <summary>The scenario JSON of a loaded file, or empty for the stored region. Read again (and validated) on every post.</summary>
    public string? Basis { get; set; }

    /// <summary>Edits by municipality code.</summary>
    [SuppressMessage("Usage", "CA2227:Collection properties should be read only", Justification = "Form binding sets it.")]
    public Dictionary<string, RowEdit> Rows { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The form as it starts: the base's own values, in Dutch notation.</summary>
    internal static WhatIfForm From(WhatIfBase start)
    {
        var form = new WhatIfForm { Key = ScenarioWriter.KeyText(start.Key), Basis = start.Json };
        foreach (var row in start.Rows)
        {
            form.Rows[row.Code.Value] = RowEdit.From(row.Input);
        }

        return form;
    }

    public RowEdit Row(string code) => Rows.TryGetValue(code, out var row) ? row : new RowEdit();
}

/// <summary>One municipality's inputs as typed.</summary>
public sealed class RowEdit
{
    public string? Task { get; set; }

    public string? ExemptionSocial { get; set; }

    public string? ExemptionMiddle { get; set; }

    public string? CommitmentSocial { get; set; }

    public string? CommitmentMiddle { get; set; }

    public string? ContractedSocial { get; set; }

    public string? ContractedMiddle { get; set; }

    public string? ContractedFree { get; set; }

    public bool IsEmpty =>
        new[] { Task, ExemptionSocial, ExemptionMiddle, CommitmentSocial, CommitmentMiddle, ContractedSocial, ContractedMiddle, ContractedFree }
            .All(string.IsNullOrWhiteSpace);

    internal static RowEdit From(MunicipalityInput? input) => input is null ? new RowEdit() : new RowEdit
    {
        Task = Format.Count(input.Task),
        ExemptionSocial = input.Exemption?.SocialFloor is { } s ? DutchInput.ShareText(s) : null,
        ExemptionMiddle = input.Exemption?.MiddleFloor is { } m ? DutchInput.ShareText(m) : null,
        CommitmentSocial = input.Commitment?.Social is { } cs ? Format.Count(cs) : null,
        CommitmentMiddle = input.Commitment?.Middle is { } cm ? Format.Count(cm) : null,
        ContractedSocial = CountOrEmpty(input.Contracted.Social),
        ContractedMiddle = CountOrEmpty(input.Contracted.Middle),
        ContractedFree = CountOrEmpty(input.Contracted.Free),
    };

    private static string? CountOrEmpty(int count) => count == 0 ? null : Format.Count(count);
}

/// <summary>The stable ids of the inputs (browser tests and the error summary link to them).</summary>
internal static class FieldId
{
    public const string Key = "sleutel";

    public static string Task(string code) => $"opgave-{code}";

    public static string ExemptionSocial(string code) => $"ontheffing-sociaal-{code}";

    public static string ExemptionMiddle(string code) => $"ontheffing-midden-{code}";

    public static string CommitmentSocial(string code) => $"toezegging-sociaal-{code}";

    public static string CommitmentMiddle(string code) => $"toezegging-midden-{code}";

    public static string ContractedSocial(string code) => $"gecontracteerd-sociaal-{code}";

    public static string ContractedMiddle(string code) => $"gecontracteerd-midden-{code}";

    public static string ContractedFree(string code) => $"gecontracteerd-vrij-{code}";

    /// <summary>Errors about the whole row (floors above the capacity) are shown with the municipality's name.</summary>
    public static string Row(string code) => $"rij-{code}";

    /// <summary>The form field name of a row's property: Form.Rows[GM0228].Task.</summary>
    public static string Name(string code, string property) => $"{WhatIfForm.Prefix}.Rows[{code}].{property}";
}
