using Regiewijzer.Data.Export;

namespace Regiewijzer.Data.Features.Governance;

/// <summary>
/// The audit trail as a table for CSV and XLSX: one row per changed field (an entry without field values gets one row).
/// Values are text as stored; <see cref="TableFile"/> neutralises text that a spreadsheet would run as a formula.
/// </summary>
public static class AuditExport
{
    public static readonly IReadOnlyList<string> Columns =
        ["wanneer", "account_id", "wie", "organisatie", "object", "object_id", "tabel", "sleutel", "handeling", "veld", "voor", "na"];

    public static TableData Table(string name, IEnumerable<AuditChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var c in changes)
        {
            var who = new object?[] { DutchTime.WhenToTheSecond(c.At), c.ActorId, c.ActorName, c.OrganisationName ?? c.OrganisationId, c.ObjectType, c.ObjectId, c.Entity, c.EntityKey, c.Action };
            if (c.Fields.Count == 0)
            {
                rows.Add([.. who, null, null, null]);
            }

            foreach (var f in c.Fields)
            {
                rows.Add([.. who, f.Name, f.Before, f.After]);
            }
        }

        return new TableData(name, Columns, rows);
    }
}
