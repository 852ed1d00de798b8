using System.Collections.Immutable;
using Regiewijzer.Core;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Scenarios;

namespace Regiewijzer.Web.Components.Pages.Regions.Scenarios;

/// <summary>One invalid input: the id of the field, what it is ("Ede, opgave") and the Dutch reason.</summary>
public sealed record WhatIfError(string FieldId, string Label, string Message);

/// <summary>The scenario the form describes, or every error with the field it belongs to.</summary>
public sealed record WhatIfBuild(Scenario? Scenario, ImmutableArray<WhatIfError> Errors)
{
    public string? ErrorFor(string fieldId) => Errors.FirstOrDefault(e => string.Equals(e.FieldId, fieldId, StringComparison.Ordinal))?.Message;
}

/// <summary>
/// Turns the typed form into a scenario on top of a base. Each field is checked where it is typed (Dutch
/// numbers, no negatives, an exemption only lowers the floor); the combined rules (contracted homes within the
/// task, floors and commitments within the capacity, provinces all or none) are those of <see cref="InputRules"/>,
/// which the scenario reader uses too, so a what-if is valid exactly when its scenario file would be.
/// </summary>
internal static class WhatIfScenario
{
    public static WhatIfBuild Build(WhatIfBase start, WhatIfForm form)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(form);
        var errors = new List<WhatIfError>();
        var key = KeyOf(form.Key, start.Key, errors);
        var inputs = new List<MunicipalityInput>();
        foreach (var row in start.Rows)
        {
            if (Row(row, form.Row(row.Code.Value), start, errors) is { } input)
            {
                inputs.Add(input);
            }
        }

        if (errors.Count == 0 && inputs.Count == 0)
        {
            var first = start.Rows.IsEmpty ? FieldId.Key : FieldId.Task(start.Rows[0].Code.Value);
            errors.Add(new WhatIfError(first, "Opgave", "vul voor minstens één gemeente een opgave in"));
        }

        if (errors.Count > 0)
        {
            return new WhatIfBuild(null, [.. errors]);
        }

        // The rules a scenario file is read with (InputRules), so a what-if is valid exactly when its file would be.
        foreach (var input in inputs)
        {
            errors.AddRange(InputRules.Municipality(input, start.Norms).Select(p => ToField(p, input)));
        }

        errors.AddRange(InputRules.Region(inputs).Select(p => new WhatIfError(FieldId.Key, start.RegionName, p.Reason)));
        if (errors.Count > 0)
        {
            return new WhatIfBuild(null, [.. errors]);
        }

        var name = start.Name.EndsWith("(wat-als)", StringComparison.Ordinal) ? start.Name : $"{start.Name} (wat-als)";
        return new WhatIfBuild(new Scenario(name, start.Period, start.Norms, new RegionInput(start.RegionName, [.. inputs], key)), []);
    }

    private static DistributionKey KeyOf(string? text, DistributionKey fallback, List<WhatIfError> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (DistributionKeys.TryParse(text, out var key))
        {
            return key;
        }

        errors.Add(new WhatIfError(FieldId.Key, "Verdeelsleutel", $"onbekende sleutel '{text}'; kies er een uit de lijst"));
        return fallback;
    }

    private static MunicipalityInput? Row(BaseRow row, RowEdit edit, WhatIfBase start, List<WhatIfError> errors)
    {
        var code = row.Code.Value;
        var before = errors.Count;
        int? Count(string? text, string id, string what)
        {
            var (value, error) = DutchInput.Count(text);
            if (error is not null)
            {
                errors.Add(new WhatIfError(id, $"{row.Name}, {what}", error));
            }

            return value;
        }

        Fraction? Floor(string? text, string id, string what, Fraction law)
        {
            var (value, error) = DutchInput.Share(text);
            if (error is null && value is { } exempted && !InputRules.LowersFloor(exempted, law))
            {
                error = $"een ontheffing verlaagt de ondergrens: hoogstens {Format.Percent(law)} ({law}); leeg laten = geen ontheffing";
            }

            if (error is not null)
            {
                errors.Add(new WhatIfError(id, $"{row.Name}, {what}", error));
                return null;
            }

            return value;
        }

        var task = Count(edit.Task, FieldId.Task(code), "opgave");
        var exemptSocial = Floor(edit.ExemptionSocial, FieldId.ExemptionSocial(code), "ontheffing sociale huur", start.Norms.SocialFloor.Value);
        var exemptMiddle = Floor(edit.ExemptionMiddle, FieldId.ExemptionMiddle(code), "ontheffing middensegment", start.Norms.MiddleFloor.Value);
        var commitSocial = Count(edit.CommitmentSocial, FieldId.CommitmentSocial(code), "toezegging sociale huur");
        var commitMiddle = Count(edit.CommitmentMiddle, FieldId.CommitmentMiddle(code), "toezegging middensegment");
        var contractedSocial = Count(edit.ContractedSocial, FieldId.ContractedSocial(code), "gecontracteerd sociale huur");
        var contractedMiddle = Count(edit.ContractedMiddle, FieldId.ContractedMiddle(code), "gecontracteerd middensegment");
        var contractedFree = Count(edit.ContractedFree, FieldId.ContractedFree(code), "gecontracteerd vrije sector");
        if (errors.Count > before)
        {
            return null;
        }

        if (task is null)
        {
            if (row.Input is not null || !edit.IsEmpty)
            {
                errors.Add(new WhatIfError(FieldId.Task(code), $"{row.Name}, opgave", row.Input is null
                    ? "vul een opgave in om deze gemeente mee te rekenen, of maak de andere velden leeg"
                    : "vul een opgave in (0 of meer woningen)"));
            }

            return null;
        }

        return new MunicipalityInput(
            row.Code,
            row.Name,
            task.Value,
            row.Stock,
            row.SocialStock,
            new SegmentCounts(contractedSocial ?? 0, contractedMiddle ?? 0, contractedFree ?? 0),
            exemptSocial is null && exemptMiddle is null ? null : new Exemption(exemptSocial, exemptMiddle),
            commitSocial is null && commitMiddle is null ? null : new Commitment(commitSocial, commitMiddle),
            row.Province); // the province part it belongs to: the norms hold per province part of a cross-border region too
    }

    /// <summary>Puts a problem of <see cref="InputRules"/> on the field of the form it is about.</summary>
    private static WhatIfError ToField(FieldProblem problem, MunicipalityInput m)
    {
        var code = m.Code.Value;
        var (id, what) = problem.Field switch
        {
            "task" => (FieldId.Task(code), "opgave"),
            "contracted" => (LargestContracted(m), "gecontracteerd"),
            "exemption.socialFloor" => (FieldId.ExemptionSocial(code), "ontheffing sociale huur"),
            "exemption.middleFloor" => (FieldId.ExemptionMiddle(code), "ontheffing middensegment"),
            _ => (FieldId.Row(code), "ondergrenzen"), // the floors together, or the stock (not edited here)
        };
        return new WhatIfError(id, $"{m.Name}, {what}", problem.Reason);
    }

    /// <summary>The contracted field with the most homes: the one most likely to be too high.</summary>
    private static string LargestContracted(MunicipalityInput m)
    {
        var c = m.Contracted;
        var code = m.Code.Value;
        return c.Free >= c.Social && c.Free >= c.Middle ? FieldId.ContractedFree(code)
            : c.Middle >= c.Social ? FieldId.ContractedMiddle(code)
            : FieldId.ContractedSocial(code);
    }
}
