namespace Regiewijzer.Data.Features.Governance;

/// <summary>How a governance action ended (pages and API translate each kind: 200/404/403/422/409/409).</summary>
public enum OutcomeKind
{
    Ok,
    NotFound,
    Forbidden,
    Invalid,
    Conflict,
    IllegalTransition,
}

/// <summary>One wrong field: its name (form field or JSON property) and the Dutch reason.</summary>
public sealed record FieldError(string Field, string Reason);

/// <summary>
/// The result of a governance action (issue 6): the value when it succeeded; otherwise why not, in Dutch. A conflict
/// (someone else saved first: optimistic concurrency) carries the current stored version so both can be shown.
/// </summary>
#pragma warning disable CA1000 // Outcome<T>.Ok(value) reads better at every call site than a separate factory class.
public sealed record Outcome<T>(OutcomeKind Kind, T? Value, string? Reason, IReadOnlyList<FieldError> Errors, T? Current)
{
    public bool Succeeded => Kind == OutcomeKind.Ok;

    public static Outcome<T> Ok(T value) => new(OutcomeKind.Ok, value, null, [], default);

    public static Outcome<T> NotFound(string reason) => new(OutcomeKind.NotFound, default, reason, [], default);

    public static Outcome<T> Forbidden(string reason) => new(OutcomeKind.Forbidden, default, reason, [], default);

    public static Outcome<T> Invalid(IReadOnlyList<FieldError> errors) => new(OutcomeKind.Invalid, default, string.Join(" ", errors.Select(e => e.Reason)), errors, default);

    public static Outcome<T> Invalid(string field, string reason) => Invalid([new FieldError(field, reason)]);

    public static Outcome<T> Conflict(string reason, T? current) => new(OutcomeKind.Conflict, default, reason, [], current);

    public static Outcome<T> IllegalTransition(string reason) => new(OutcomeKind.IllegalTransition, default, reason, [], default);

    /// <summary>The Dutch reason for one field, or null.</summary>
    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => string.Equals(e.Field, field, StringComparison.Ordinal))?.Reason;

    /// <summary>The same failure for another value type (e.g. a check that failed before anything was loaded).</summary>
    public Outcome<TOther> As<TOther>() =>
        Succeeded ? throw new InvalidOperationException("Only a failure can change its value type.") : new(Kind, default, Reason, Errors, default);
}
#pragma warning restore CA1000
