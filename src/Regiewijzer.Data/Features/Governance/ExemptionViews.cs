using System.Globalization;
using Regiewijzer.Core;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Features.Governance;

/// <summary>One exemption request (ontheffing) with its decision.</summary>
public sealed record ExemptionView(
    int Id,
    string MunicipalityCode,
    string MunicipalityName,
    string ProvinceCode,
    string RegionId,
    string RegionName,
    ExemptionFloor Floor,
    Fraction RequestedFloor,
    string Grounds,
    DateTimeOffset RequestedAt,
    string RequestedBy,
    ExemptionStatus Status,
    DateTimeOffset? DecidedAt,
    string? DecidedBy,
    string? DecidedByOrganisation,
    string? Reasoning,
    int? ResultingAgreementId,
    int Version)
{
    internal static ExemptionView From(ExemptionRow row, MunicipalityRow municipality, string regionName) => new(
        row.Id, row.MunicipalityCode, municipality.Name, municipality.ProvinceCode, row.RegionId, regionName, row.Floor,
        ExemptionPercent.FromStored(row.RequestedFloor), row.Grounds, row.RequestedAt, row.RequestedBy, row.Status, row.DecidedAt,
        row.DecidedBy, row.DecidedByOrganisation, row.Reasoning, row.ResultingAgreementId, row.Version);
}

/// <summary>
/// One request with its what-if on the region's latest agreement version (or the current distribution input when there
/// is none), the open version that blocks a grant, and what the current actor may do.
/// </summary>
// WhatIf is null when the what-if cannot be computed; WhatIfProblem then says why.
public sealed record ExemptionDetail(
    ExemptionView Exemption,
    ExemptionWhatIf? WhatIf,
    string? WhatIfProblem,
    AgreementView? Base,
    AgreementView? OpenVersion,
    bool CanDecide,
    bool CanWithdraw)
{
    /// <summary>What to weigh before granting or refusing: who absorbs what, what no one absorbs, the region's norms, the legal basis.</summary>
    public DecisionFacts DecisionFacts(bool granted) => Decisions.DecidingExemption(
        granted, Exemption.MunicipalityName, Exemption.RegionName, Exemption.Floor, Exemption.RequestedFloor,
        Exemption.Floor.NormFloor(Regiewijzer.Core.Norms.NormSets.Default), WhatIf, WhatIfProblem);
}

/// <summary>A municipality's requests, newest first, and whether the current actor may request.</summary>
public sealed record MunicipalityExemptions(
    string Code, string Name, string? RegionId, string? RegionName, IReadOnlyList<ExemptionView> Requests, bool CanRequest);

/// <summary>The requested floor typed as a Dutch percentage ("20" or "20,5"), and as stored (a decimal fraction, 4 decimals).</summary>
public static class ExemptionPercent
{
    /// <summary>"20" → 1/5, "20,5" → 41/200; at most two decimals after the comma, between 0 and 100. Null with a Dutch reason otherwise.</summary>
    public static (Fraction? Value, string? Error) Parse(string? text)
    {
        var t = (text ?? "").Trim().TrimEnd('%').Trim();
        if (t.Length == 0)
        {
            return (null, "Vul de gevraagde ondergrens in als percentage, bijvoorbeeld 20 of 20,5.");
        }

        var parts = t.Split(',');
        if (parts.Length > 2 || parts[0].Length is 0 or > 3 || !parts[0].All(char.IsAsciiDigit)
            || (parts.Length == 2 && (parts[1].Length is 0 or > 2 || !parts[1].All(char.IsAsciiDigit))))
        {
            return (null, $"‘{t}’ is geen percentage: schrijf een getal met hoogstens twee decimalen na de komma, zoals 20 of 20,5.");
        }

        var decimals = parts.Length == 2 ? parts[1] : "";
        var hundredths = int.Parse(parts[0], CultureInfo.InvariantCulture) * 100 + (decimals.Length == 0 ? 0 : int.Parse(decimals.PadRight(2, '0'), CultureInfo.InvariantCulture));
        return hundredths > 10_000 ? (null, "Een percentage ligt tussen 0 en 100.") : (new Fraction(hundredths, 10_000), null);
    }

    /// <summary>The exact fraction of a stored decimal (at most 4 decimals).</summary>
    public static Fraction FromStored(decimal value) => new(new System.Numerics.BigInteger(decimal.Round(value * 10_000m)), 10_000);

    /// <summary>The decimal to store (exact for a parsed percentage).</summary>
    public static decimal ToStored(Fraction value) => value.ToDecimal(4);
}
