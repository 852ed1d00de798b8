using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Deals;
using Regiewijzer.Core.Geography;
using Regiewijzer.Core.Norms;

namespace Regiewijzer.Data.Features.Deals;

/// <summary>The national and provincial reconciliation of the woondeals, and each deal against the law.</summary>
public static class ReconcileDeals
{
    public static async Task<DealReconciliation> RunAsync(RegiewijzerDb db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var deals = await LoadDeals.AllAsync(db, ct).ConfigureAwait(false);
        return Reconciliation.Reconcile(deals, NationalDealFigure.Woondeals2022To2030, await ProvinceFiguresAsync(db, ct).ConfigureAwait(false));
    }

    /// <summary>Each province's published figures: its agreement of 13 October 2022 and its own total of its deals.</summary>
    public static async Task<IReadOnlyList<ProvinceFigures>> ProvinceFiguresAsync(RegiewijzerDb db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var provinces = await db.Provinces.AsNoTracking().OrderBy(p => p.Code).ToListAsync(ct).ConfigureAwait(false);
        var figures = await db.ProvinceDealFigures.AsNoTracking().ToDictionaryAsync(f => f.ProvinceCode, StringComparer.Ordinal, ct).ConfigureAwait(false);
        return [.. provinces.Select(p =>
        {
            figures.TryGetValue(p.Code, out var f);
            return new ProvinceFigures(
                new ProvinceCode(p.Code),
                p.Name,
                p.Agreement2022 is { } a ? new PublishedFigure(a, "provinciale woningbouwafspraak 2022-2030 (13 oktober 2022)", p.AgreementSource) : null,
                f?.PublishedTotal is { } t ? new PublishedFigure(t, f.Wording ?? string.Empty, f.Source) : null,
                f?.Wording);
        })];
    }

    /// <summary>Every deal against the law's norms (the default norm set), ordered by id.</summary>
    public static async Task<IReadOnlyList<DealLawComparison>> AgainstLawAsync(RegiewijzerDb db, CancellationToken ct = default) =>
        [.. (await LoadDeals.AllAsync(db, ct).ConfigureAwait(false)).Select(d => DealAgainstLaw.Compare(d, NormSets.Default))];

    /// <summary>One deal against the law, or null when there is no such deal.</summary>
    public static async Task<DealLawComparison?> AgainstLawAsync(RegiewijzerDb db, string id, CancellationToken ct = default) =>
        await LoadDeals.OneAsync(db, id, ct).ConfigureAwait(false) is { } deal ? DealAgainstLaw.Compare(deal, NormSets.Default) : null;
}
