using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Features;

/// <summary>
/// A plan as the edit form posts it: text exactly as typed, so nothing is lost when it is invalid. Property paths are
/// the field names of <see cref="Governance.FieldError"/> ("Code", "Deliveries[2].SocialRent").
/// </summary>
public sealed class PlanForm
{
    /// <summary>The version the user loaded (null for a new plan).</summary>
    public int? Version { get; set; }

    /// <summary>The project's own code, unique within the municipality.</summary>
    public string? Code { get; set; }

    public string? Name { get; set; }

    /// <summary>Planning status code: 1a … 4b.</summary>
    public string? Status { get; set; }

    public string? PriceLevelYear { get; set; }

    public bool Contracted { get; set; }

    /// <summary>Contract date: 2026-03-31 (a date input) or 31-3-2026.</summary>
    public string? ContractedOn { get; set; }

    /// <summary>Homes per year; rows without homes are not stored.</summary>
    [SuppressMessage("Usage", "CA2227:Collection properties should be read only", Justification = "Form binding sets it.")]
    public List<DeliveryForm> Deliveries { get; set; } = [];

    /// <summary>The stored plan as the form shows it (counts in Dutch notation, 0 as empty).</summary>
    public static PlanForm From(PlanRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new PlanForm
        {
            Version = row.Version,
            Code = row.Code,
            Name = row.Name,
            Status = row.Status,
            PriceLevelYear = row.PriceLevelYear.ToString(CultureInfo.InvariantCulture),
            Contracted = row.Contracted,
            ContractedOn = row.ContractedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Deliveries = [.. row.Deliveries.OrderBy(d => d.Year).Select(d => DeliveryForm.From(d, d.Year))],
        };
    }

    /// <summary>The form with at least <paramref name="count"/> empty delivery rows at the end (to add years without script).</summary>
    public PlanForm WithEmptyRows(int count)
    {
        var empty = Deliveries.AsEnumerable().Reverse().TakeWhile(d => d.IsEmpty).Count();
        for (var i = empty; i < count; i++)
        {
            Deliveries.Add(new DeliveryForm());
        }

        return this;
    }
}

/// <summary>One year of a plan's deliveries as typed: the year and homes per segment (empty = 0).</summary>
public sealed class DeliveryForm
{
    public string? Year { get; set; }

    public string? SocialRent { get; set; }

    public string? MiddleRent { get; set; }

    public string? AffordableOwnership { get; set; }

    public string? FreeRent { get; set; }

    public string? FreeOwnership { get; set; }

    /// <summary>Homes whose segment is not known.</summary>
    public string? UnknownSegment { get; set; }

    /// <summary>The six counts in column order (social rent … unknown).</summary>
    public IEnumerable<string?> Counts => [SocialRent, MiddleRent, AffordableOwnership, FreeRent, FreeOwnership, UnknownSegment];

    /// <summary>Nothing typed in the row.</summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(Year) && Counts.All(string.IsNullOrWhiteSpace);

    public static DeliveryForm From(ISegmentColumns row, int year)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new DeliveryForm
        {
            Year = year.ToString(CultureInfo.InvariantCulture),
            SocialRent = EditRules.CountText(row.SocialRent),
            MiddleRent = EditRules.CountText(row.MiddleRent),
            AffordableOwnership = EditRules.CountText(row.AffordableOwnership),
            FreeRent = EditRules.CountText(row.FreeRent),
            FreeOwnership = EditRules.CountText(row.FreeOwnership),
            UnknownSegment = EditRules.CountText(row.UnknownSegment),
        };
    }
}
