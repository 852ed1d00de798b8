using Regiewijzer.Data.Features.Governance;

namespace Regiewijzer.Web.Api;

/// <summary>An <see cref="Outcome{T}"/> as an API answer: the value (200/201), or the problem+json of its kind.</summary>
internal static class Outcomes
{
    public static IResult ToApi<T, TResource>(this Outcome<T> outcome, HttpContext http, Func<T, TResource> resource, bool created = false, Func<T, string>? location = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(resource);
        return outcome.Kind switch
        {
            OutcomeKind.Ok when created => TypedResults.Created(location?.Invoke(outcome.Value!), resource(outcome.Value!)),
            OutcomeKind.Ok => TypedResults.Ok(resource(outcome.Value!)),
            OutcomeKind.NotFound => Problems.NotFound(http, outcome.Reason ?? "Niet gevonden."),
            OutcomeKind.Forbidden => SignInRequired.IsSignedIn(http) ? Problems.Forbidden(http, outcome.Reason ?? "Geen toegang.") : Problems.NotSignedIn(http),
            OutcomeKind.Invalid => Problems.InvalidInput(http, [.. outcome.Errors.Select(e => new InvalidParam(e.Field, e.Reason))]),
            OutcomeKind.Conflict => Problems.Conflict(http, outcome.Reason ?? "Intussen gewijzigd.", outcome.Current is { } current ? resource(current) : null),
            OutcomeKind.IllegalTransition => Problems.Transition(http, outcome.Reason ?? "Deze overgang kan niet."),
            _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
        };
    }
}
