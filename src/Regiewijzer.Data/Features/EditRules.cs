using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core.Governance;
using Regiewijzer.Data.Database;
using Regiewijzer.Data.Features.Governance;
using Regiewijzer.Data.Import;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Features;

/// <summary>
/// What an edit of a plan, realisation or trajectory (web form, API, tests) gives back as the value of its
/// <see cref="Outcome{T}"/>: when stored, the row's id (null after a removal or for a trajectory); on a conflict
/// (<see cref="OutcomeKind.Conflict"/>, in <see cref="Outcome{T}.Current"/>) what the user submitted and what is stored
/// now, so both can be shown side by side. Nothing was overwritten.
/// </summary>
/// <param name="Id">The stored row's id; null after a removal.</param>
/// <param name="Submitted">On a conflict: the user's version, as typed; null for a removal (the user asked to remove the version they saw).</param>
/// <param name="Stored">On a conflict: the stored version as a form (its version set), or null when it no longer exists.</param>
/// <param name="StoredSource">Source text of the stored version.</param>
/// <param name="StoredAt">When the stored version was last changed.</param>
public sealed record Edit<TForm>(int? Id, TForm? Submitted = null, TForm? Stored = null, string? StoredSource = null, DateTimeOffset? StoredAt = null)
    where TForm : class;

/// <summary>Reading an edit's outcome.</summary>
public static class EditOutcomes
{
    /// <summary>Both versions when the edit met a conflict; otherwise null.</summary>
    public static Edit<TForm>? Conflict<TForm>(this Outcome<Edit<TForm>>? outcome) where TForm : class =>
        outcome is { Kind: OutcomeKind.Conflict } ? outcome.Current : null;
}

/// <summary>The outcomes of the edits (<see cref="Edit{TForm}"/>), with their Dutch reasons.</summary>
internal static class Edits
{
    public static Outcome<Edit<TForm>> Saved<TForm>(int id) where TForm : class => Outcome<Edit<TForm>>.Ok(new(id));

    public static Outcome<Edit<TForm>> Deleted<TForm>() where TForm : class => Outcome<Edit<TForm>>.Ok(new(null));

    public static Outcome<Edit<TForm>> Invalid<TForm>(IReadOnlyList<FieldError> errors) where TForm : class => Outcome<Edit<TForm>>.Invalid(errors);

    public static Outcome<Edit<TForm>> NotFound<TForm>(string reason) where TForm : class => Outcome<Edit<TForm>>.NotFound(reason);

    public static Outcome<Edit<TForm>> Forbidden<TForm>(string reason) where TForm : class => Outcome<Edit<TForm>>.Forbidden(reason);

    /// <summary>
    /// Whether <paramref name="actor"/> may edit municipality <paramref name="municipality"/>'s plans and realisations
    /// (<see cref="Permissions.CanEditMunicipality"/>); when so, the audit trail records the actor acting for it.
    /// </summary>
    public static bool Acting(RegiewijzerDb db, Actor actor, string municipality)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        if (!Permissions.CanEditMunicipality(actor, municipality))
        {
            return false;
        }

        AuditActing.For(db, actor, municipality);
        return true;
    }

    /// <summary>The refusal of an edit of <paramref name="municipality"/>'s <paramref name="what"/> ("plannen"), naming it as "Ede (GM0228)".</summary>
    public static async Task<Outcome<Edit<TForm>>> ForbiddenAsync<TForm>(RegiewijzerDb db, string municipality, string what, CancellationToken ct)
        where TForm : class
    {
        var name = await db.Municipalities.AsNoTracking().Where(m => m.Code == municipality).Select(m => m.Name).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return Forbidden<TForm>($"Alleen bewerkers van {(name is null ? municipality : $"{name} ({municipality})")} wijzigen haar {what}.");
    }

    /// <summary>A lost update caught: both versions in <see cref="Outcome{T}.Current"/>.</summary>
    public static Outcome<Edit<TForm>> Conflicted<TForm>(TForm? submitted, TForm? stored, string? storedSource, DateTimeOffset? storedAt) where TForm : class =>
        Outcome<Edit<TForm>>.Conflict(
            stored is null ? "Het is intussen verwijderd; er is niets opgeslagen." : DatabaseErrors.ConflictMessage,
            new Edit<TForm>(null, submitted, stored, storedSource, storedAt));
}

/// <summary>Parsing and provenance shared by the edits (plans, realisations, trajectory).</summary>
public static class EditRules
{
    /// <summary>Source of rows changed in the web app; followed by " op {date}".</summary>
    public const string EditedSource = "bewerkt in Regiewijzer";

    /// <summary>No plan or realisation has this many homes in one year: a typing error (and sums stay far from overflow).</summary>
    public const int MaxHomesPerYear = 100_000;

    private const string SourceSeparator = "; bron: ";


    /// <summary>"bewerkt in Regiewijzer op 24-11-2026" (the date in Dutch time).</summary>
    public static string EditedOn(DateTimeOffset now) =>
        $"{EditedSource} op {DutchTime.Dutch(now)}";

    /// <summary>True when a row's source says it was changed in the web app.</summary>
    public static bool IsEdited(string? source) => source?.StartsWith(EditedSource, StringComparison.Ordinal) == true;

    /// <summary>
    /// A count of homes as people type it ("1.200" or "1200"); empty is 0.
    /// Adds the Dutch reason to <paramref name="errors"/> and returns null when it is not a whole number from 0 to
    /// <see cref="MaxHomesPerYear"/>.
    /// </summary>
    public static int? Homes(string? text, string field, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0;
        }

        var (value, error) = Count(text);
        if (error is null && value > MaxHomesPerYear)
        {
            error = $"{Core.Format.Count(value.Value)} is meer dan {Core.Format.Count(MaxHomesPerYear)} woningen in één jaar; controleer het aantal";
        }

        if (error is not null)
        {
            errors.Add(new FieldError(field, error));
            return null;
        }

        return value;
    }

    /// <summary>
    /// A whole number as typed in a form, with the rules of <see cref="Counts.Parse"/> in Dutch notation ("1.200" and
    /// "1200"); a comma is always refused (a count has no decimals), with a reason about the form, not a file.
    /// </summary>
    public static (int? Value, string? Error) Count(string? text)
    {
        var t = text?.Trim() ?? string.Empty;
        return t.Contains(',', StringComparison.Ordinal) && !t.StartsWith('-')
            ? (null, $"'{t}' is geen geheel aantal: gebruik geen komma (schrijf 1.200 of 1200)")
            : Counts.Parse(t, NumberNotation.Dutch);
    }

    /// <summary>A year of four digits in 1900-2100, or null with the reason added.</summary>
    public static int? Year(string? text, string field, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var (value, error) = Counts.ParseYear(text ?? string.Empty);
        if (error is not null)
        {
            errors.Add(new FieldError(field, error));
        }

        return value;
    }

    /// <summary>The names of the six segment columns, in the order of <see cref="DeliveryForm.Counts"/>.</summary>
    public static IReadOnlyList<string> SegmentFields { get; } =
        [nameof(ISegmentColumns.SocialRent), nameof(ISegmentColumns.MiddleRent), nameof(ISegmentColumns.AffordableOwnership),
         nameof(ISegmentColumns.FreeRent), nameof(ISegmentColumns.FreeOwnership), nameof(ISegmentColumns.UnknownSegment)];

    /// <summary>
    /// The six counts (empty = 0), or null when one is invalid (its reason added with field
    /// <paramref name="prefix"/> + column name).
    /// </summary>
    public static int[]? Segments(IEnumerable<string?> texts, string prefix, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var values = texts.Select((t, i) => Homes(t, prefix + SegmentFields[i], errors)).ToList();
        return values.All(v => v is not null) ? [.. values.Select(v => v!.Value)] : null;
    }

    /// <summary>Writes six counts (from <see cref="Segments"/>) to a row's columns.</summary>
    public static void Apply(ISegmentColumns row, int[] counts)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(counts);
        (row.SocialRent, row.MiddleRent, row.AffordableOwnership, row.FreeRent, row.FreeOwnership, row.UnknownSegment) =
            (counts[0], counts[1], counts[2], counts[3], counts[4], counts[5]);
    }

    /// <summary>
    /// The source of a row changed now: "bewerkt in Regiewijzer op {date}", followed by "; bron: {source}" when the
    /// figures come from somewhere (the user's text, or the import or shipped data the row came from). At most 500 characters.
    /// </summary>
    public static string SourceWith(string? source, DateTimeOffset now)
    {
        var text = string.IsNullOrWhiteSpace(source) ? EditedOn(now) : EditedOn(now) + SourceSeparator + source.Trim();
        return text.Length <= 500 ? text : text[..500];
    }

    /// <summary>The source after an edit that keeps the row's first source (see <see cref="SourceWith"/>).</summary>
    public static string SourceAfterEdit(string? previous, DateTimeOffset now) => SourceWith(OriginalSource(previous), now);

    /// <summary>The source behind a row: its source before any edit in the web app, or what was given when editing; null when none.</summary>
    public static string? OriginalSource(string? source) =>
        source is null ? null
        : !IsEdited(source) ? source
        : source.IndexOf(SourceSeparator, StringComparison.Ordinal) is var i and >= 0 ? source[(i + SourceSeparator.Length)..] : null;

    /// <summary>The municipality whose plans or realisations are edited, with its region (read-only); null when unknown.</summary>
    public static Task<MunicipalityRow?> MunicipalityAsync(RegiewijzerDb db, string code, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(code);
        var wanted = code.ToUpperInvariant();
        return db.Municipalities.AsNoTracking().Include(m => m.Membership!).ThenInclude(m => m.Region).FirstOrDefaultAsync(m => m.Code == wanted, ct);
    }

    /// <summary>Trimmed text or null when empty.</summary>
    public static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>A count as the form shows it: "1.200", or empty for 0 when <paramref name="zeroIsEmpty"/>.</summary>
    public static string? CountText(int value, bool zeroIsEmpty = true) => value == 0 && zeroIsEmpty ? null : Core.Format.Count(value);
}
