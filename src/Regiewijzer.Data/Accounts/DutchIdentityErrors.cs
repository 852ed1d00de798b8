using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace Regiewijzer.Data.Accounts;

/// <summary>Identity's validation messages in Dutch (the UI speaks Dutch).</summary>
public sealed class DutchIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = string.Create(CultureInfo.InvariantCulture, $"Het wachtwoord moet minstens {length} tekens hebben.") };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        new() { Code = nameof(PasswordRequiresUniqueChars), Description = string.Create(CultureInfo.InvariantCulture, $"Het wachtwoord moet minstens {uniqueChars} verschillende tekens hebben.") };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = $"Er is al een account met e-mailadres {email}." };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = $"Er is al een account met e-mailadres {userName}." };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = $"'{email}' is geen geldig e-mailadres." };

    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = $"'{userName}' is geen geldige gebruikersnaam (gebruik een e-mailadres)." };

    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = "Het wachtwoord klopt niet." };

    public override IdentityError ConcurrencyFailure() =>
        new() { Code = nameof(ConcurrencyFailure), Description = "Iemand anders heeft dit account intussen gewijzigd; laad het opnieuw." };
}
