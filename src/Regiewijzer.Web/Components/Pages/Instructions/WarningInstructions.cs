using Regiewijzer.Core.Governance;
using Regiewijzer.Core.Monitoring;
using Regiewijzer.Data;
using Regiewijzer.Data.Features;
using Regiewijzer.Data.Features.Governance;

namespace Regiewijzer.Web.Components.Pages.Instructions;

/// <summary>
/// For the warnings of a province: per municipality or province warned about, how many instructions to it the actor may
/// see, and whether the actor may draft one (two queries for the whole table).
/// </summary>
public sealed class WarningInstructions
{
    private readonly IReadOnlyDictionary<string, int> counts;
    private readonly HashSet<string> draftable;

    private WarningInstructions(IReadOnlyDictionary<string, int> counts, HashSet<string> draftable) =>
        (this.counts, this.draftable) = (counts, draftable);

    public static WarningInstructions None { get; } = new(new Dictionary<string, int>(), []);

    public static async Task<WarningInstructions> LoadAsync(RegiewijzerDb db, Actor actor, IEnumerable<MonitoringSubject> subjects, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var ids = subjects.Where(s => s.Level is MonitoringLevel.Municipality or MonitoringLevel.Province).Select(s => s.Id).Distinct(StringComparer.Ordinal).ToList();
        var counts = await InstructionRegister.CountByAddresseeAsync(db, actor, ids, ct).ConfigureAwait(false);
        var draftable = new HashSet<string>(StringComparer.Ordinal);
        if (Permissions.CanIssueInstructions(actor))
        {
            var organisations = await InstructionRegister.OrganisationsAsync(db, ids, ct).ConfigureAwait(false);
            draftable.UnionWith(organisations.Values.Where(o => Permissions.InstructionIssuer(actor, InstructionRegister.Ref(o)) is not null).Select(o => o.Id));
        }

        return new WarningInstructions(counts, draftable);
    }

    /// <summary>How many instructions to this organisation the actor may see.</summary>
    public int Count(string id) => counts.GetValueOrDefault(id);

    /// <summary>True when the actor may draft an instruction to this organisation.</summary>
    public bool CanDraft(string id) => draftable.Contains(id);

    /// <summary>The register filtered on the addressee.</summary>
    public static string List(string id) => $"/instructies?aan={Uri.EscapeDataString(id)}";

    /// <summary>The draft form, prefilled with addressee and warning (the progress page, without its leading slash).</summary>
    public static string Draft(string id, string progressPage) =>
        $"/instructies/nieuw?aan={Uri.EscapeDataString(id)}&signaal={Uri.EscapeDataString(progressPage.TrimStart('/'))}";
}
