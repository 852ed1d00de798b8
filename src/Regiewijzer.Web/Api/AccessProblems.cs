using Microsoft.AspNetCore.Http.HttpResults;

namespace Regiewijzer.Web.Api;

// The problems of accounts, permissions and governance records (issue 6).
internal static partial class Problems
{
    public static readonly ProblemType NotSignedInType = new(
        "niet-aangemeld", 401, "Niet aangemeld", "Deze handeling vraagt een account. Haal een token met POST /api/v1/aanmelden en stuur het mee als Authorization: Bearer.");

    public static readonly ProblemType SignInFailedType = new(
        "aanmelden-mislukt", 401, "Aanmelden mislukt", "E-mailadres of wachtwoord klopt niet.");

    public static readonly ProblemType ForbiddenType = new(
        "geen-toegang", 403, "Geen toegang", "Het account heeft geen rol die deze handeling toestaat (bijvoorbeeld: een gemeente wijzigt alleen haar eigen gegevens).");

    public static readonly ProblemType LockedType = new(
        "account-geblokkeerd", 423, "Account geblokkeerd", "Het account is tijdelijk geblokkeerd na te veel mislukte aanmeldpogingen.");

    public static readonly ProblemType TooManyRequestsType = new(
        "te-veel-verzoeken", 429, "Te veel verzoeken", "Te veel aanmeldpogingen vanaf dit adres; wacht het aantal seconden van de header Retry-After.");

    public static readonly ProblemType ConflictType = new(
        "gewijzigd-door-ander", 409, "Intussen gewijzigd", "Iemand anders heeft het record gewijzigd sinds u het las (version klopt niet meer). Het antwoord bevat de huidige versie; lees opnieuw en beslis.");

    public static readonly ProblemType TransitionType = new(
        "ongeldige-overgang", 409, "Ongeldige overgang", "De status laat deze overgang niet toe (bijvoorbeeld: een vastgestelde afspraak is onveranderlijk).");

    public static readonly ProblemType InvalidInputType = new(
        "ongeldige-invoer", 422, "Ongeldige invoer", "Een of meer velden zijn niet geldig; invalidParams noemt elk veld en de reden.");

    public static readonly ProblemType BusyType = new(
        "database-bezig", 503, "Database bezig", "De database is bezig met een andere wijziging en de wachttijd is om; er is niets opgeslagen. Probeer het opnieuw na het aantal seconden van de header Retry-After.");

    public static ProblemHttpResult Status(HttpContext context, ProblemType type, string detail) => Create(context, type, detail);

    /// <summary>503 with Retry-After: the database stayed busy with another change (<see cref="Data.Database.DatabaseErrors.BusyMessage"/>).</summary>
    public static ProblemHttpResult Busy(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.RetryAfter = Data.Database.DatabaseErrors.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Create(context, BusyType, Data.Database.DatabaseErrors.BusyMessage);
    }

    public static ProblemHttpResult NotSignedIn(HttpContext context) =>
        Create(context, NotSignedInType, "Meld u aan met POST /api/v1/aanmelden en stuur het token mee (Authorization: Bearer …).");

    public static ProblemHttpResult Forbidden(HttpContext context, string detail) => Create(context, ForbiddenType, detail);

    public static ProblemHttpResult Conflict(HttpContext context, string detail, object? current)
    {
        var result = Create(context, ConflictType, detail);
        if (current is not null)
        {
            result.ProblemDetails.Extensions["current"] = current;
        }

        return result;
    }

    public static ProblemHttpResult Transition(HttpContext context, string detail) => Create(context, TransitionType, detail);

    public static ProblemHttpResult InvalidInput(HttpContext context, IReadOnlyList<InvalidParam> invalid) =>
        Create(context, InvalidInputType, invalid.Count == 1 ? $"{invalid[0].Name}: {invalid[0].Reason}" : $"{invalid.Count} fouten; zie invalidParams.", invalid);
}
