namespace Regiewijzer.Data.Model;

/// <summary>
/// The last change of a plan: its row id and a number that rises with every write of the plan or its deliveries,
/// deletions included (the row stays when the plan is gone). Written by database triggers on <c>plans</c> and
/// <c>plan_deliveries</c>, so every writer raises it (the web app, the command line, bulk imports, another instance);
/// monitoring reads only the plans changed since the number it last saw (<see cref="Database.PlanChanges"/>). Never
/// shown, not audited.
/// </summary>
public sealed class PlanChangeRow
{
    public int PlanId { get; set; }

    public long Seq { get; set; }
}
