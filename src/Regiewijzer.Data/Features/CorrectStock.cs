using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data.Database;
using Regiewijzer.Data.Features.Governance;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Features;

/// <summary>
/// A province records a corrected number of corporation homes for one of its municipalities, with its source. The
/// correction wins over the reference value everywhere (distribution, indicators, checks); the reference value is kept
/// beside it and the change is in the audit trail.
/// </summary>
public static class CorrectStock
{
    public const int MinSourceLength = 5;
    public const int MaxSourceLength = 500;

    /// <param name="db">The database.</param>
    /// <param name="actor">Who corrects: an editor of the municipality's province.</param>
    /// <param name="municipality">GM code.</param>
    /// <param name="socialStock">Corrected corporation homes in the latest reference year's stock.</param>
    /// <param name="source">Where the corrected number comes from.</param>
    /// <param name="version">The version of the stock row the user read.</param>
    /// <param name="clock">Time.</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<Outcome<StockRow>> RunAsync(
        RegiewijzerDb db, Actor actor, string municipality, int? socialStock, string? source, int? version, TimeProvider clock, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(clock);
        if (!actor.IsAuthenticated)
        {
            return Outcome<StockRow>.Forbidden("Meld u aan om een gegeven te corrigeren.");
        }

        var m = await db.Municipalities.AsNoTracking().FirstOrDefaultAsync(x => x.Code == municipality, ct).ConfigureAwait(false);
        if (m is null)
        {
            return Outcome<StockRow>.NotFound($"Gemeente {municipality} bestaat niet.");
        }

        if (!Permissions.CanCorrectReferenceData(actor, m.ProvinceCode))
        {
            var province = await db.Provinces.AsNoTracking().Where(p => p.Code == m.ProvinceCode).Select(p => p.Name).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            return Outcome<StockRow>.Forbidden($"Alleen bewerkers van de provincie {province ?? m.ProvinceCode} corrigeren de gegevens van {m.Name}.");
        }

        var row = await db.Stock.Where(s => s.MunicipalityCode == municipality).OrderByDescending(s => s.ReferenceYear).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (row is null)
        {
            return Outcome<StockRow>.NotFound($"Van {m.Name} is geen woningvoorraad bekend.");
        }

        var errors = new List<Governance.FieldError>();
        if (socialStock is not { } social || social < 0 || social > row.TotalStock)
        {
            errors.Add(new("socialStock", $"Vul het aantal corporatiewoningen in: een heel getal van 0 tot en met de voorraad ({Format.Count(row.TotalStock)})."));
        }

        var text = source?.Trim() ?? string.Empty;
        if (text.Length < MinSourceLength || text.Length > MaxSourceLength)
        {
            errors.Add(new("source", $"Noem de bron van het gecorrigeerde aantal ({MinSourceLength} tot {MaxSourceLength} tekens), bijvoorbeeld het jaarverslag van de corporatie."));
        }

        if (errors.Count > 0)
        {
            return Outcome<StockRow>.Invalid(errors);
        }

        if (version != row.Version)
        {
            return Outcome<StockRow>.Conflict(DatabaseErrors.ConflictMessage, row);
        }

        row.ReferenceSocialStock ??= row.SocialStock;
        row.SocialStock = socialStock!.Value;
        row.CorrectionSource = text;
        row.CorrectedBy = m.ProvinceCode;
        row.CorrectedAt = clock.GetUtcNow();
        AuditActing.For(db, actor, m.ProvinceCode);
        return await db.TrySaveVersionedAsync(ct).ConfigureAwait(false)
            ? Outcome<StockRow>.Ok(row)
            : Outcome<StockRow>.Conflict(DatabaseErrors.ConflictMessage, null);
    }
}
