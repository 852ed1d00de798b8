using Regiewijzer.Core.Governance;

namespace Regiewijzer.Data.Accounts;

/// <summary>Dutch names of roles and organisation kinds; the UI, the API and the CLI use the same words.</summary>
public static class RoleNames
{
    public static string Dutch(AccountRole role) => role switch
    {
        AccountRole.Viewer => "lezer",
        AccountRole.Editor => "bewerker",
        AccountRole.Administrator => "beheerder",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static string Dutch(OrganisationKind kind) => kind switch
    {
        OrganisationKind.Rijk => "Rijk",
        OrganisationKind.Province => "provincie",
        OrganisationKind.Municipality => "gemeente",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>"lezer", "bewerker", "beheerder" (or viewer, editor, administrator), case-insensitive.</summary>
    public static bool TryParse(string? text, out AccountRole role)
    {
        foreach (var candidate in Enum.GetValues<AccountRole>())
        {
            if (string.Equals(text?.Trim(), Dutch(candidate), StringComparison.OrdinalIgnoreCase) ||
                string.Equals(text?.Trim(), candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }
}
