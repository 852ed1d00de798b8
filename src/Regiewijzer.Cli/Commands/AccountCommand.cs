using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiewijzer.Data;
using Regiewijzer.Data.Accounts;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Cli.Commands;

/// <summary>
/// regiewijzer account maak|lijst: the first administrator (and any later account) from the command line. The password
/// comes from standard input or REGIEWIJZER_WACHTWOORD, never from an argument (arguments show in the process list).
/// </summary>
internal static class AccountCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, TextReader stdin)
    {
        var email = new Option<string>("--email") { Description = "E-mailadres (ook de gebruikersnaam).", Required = true };
        var name = new Option<string>("--naam") { Description = "Naam van de persoon.", Required = true };
        var organisation = new Option<string>("--organisatie") { Description = "RIJK, een provinciecode (PV26) of een gemeentecode (GM0228).", DefaultValueFactory = _ => "RIJK" };
        var role = new Option<string>("--rol") { Description = "lezer, bewerker of beheerder.", DefaultValueFactory = _ => "beheerder" };
        var fromStdin = new Option<bool>("--wachtwoord-stdin") { Description = "Lees het wachtwoord van standaardinvoer (anders uit REGIEWIJZER_WACHTWOORD)." };
        var create = new Command("maak", "Maak een lokaal account met één rol in één organisatie (bijvoorbeeld de eerste beheerder).") { email, name, organisation, role, fromStdin };
        create.SetAction(async (parse, ct) =>
        {
            if (!RoleNames.TryParse(parse.GetValue(role), out var accountRole))
            {
                stderr.WriteLine($"regiewijzer: onbekende rol '{parse.GetValue(role)}': gebruik lezer, bewerker of beheerder.");
                return CliApp.UsageError;
            }

            var password = parse.GetValue(fromStdin) ? stdin.ReadLine() : Environment.GetEnvironmentVariable("REGIEWIJZER_WACHTWOORD");
            if (string.IsNullOrEmpty(password))
            {
                stderr.WriteLine("regiewijzer: geen wachtwoord: geef --wachtwoord-stdin en het wachtwoord op standaardinvoer, of zet REGIEWIJZER_WACHTWOORD.");
                return CliApp.UsageError;
            }

            await using var db = await DatabaseArgs.OpenAsync(parse, ct).ConfigureAwait(false);
            await using var services = AccountServices(db);
            var users = services.GetRequiredService<UserManager<AccountRow>>();
            var result = await CreateAccount.RunAsync(DatabaseArgs.Operator, users, db, parse.GetRequiredValue(email), parse.GetRequiredValue(name), password,
                parse.GetRequiredValue(organisation).Trim().ToUpperInvariant(), accountRole, DateTimeOffset.UtcNow, ct).ConfigureAwait(false);
            if (!result.Created)
            {
                foreach (var error in result.Errors)
                {
                    stderr.WriteLine($"regiewijzer: {error}");
                }

                return CliApp.InvalidInput;
            }

            stdout.WriteLine($"Account {parse.GetRequiredValue(email).Trim()} gemaakt: {RoleNames.Dutch(accountRole)} van {parse.GetRequiredValue(organisation).Trim().ToUpperInvariant()}.");
            return CliApp.Ok;
        });

        var list = new Command("lijst", "Toon alle accounts met hun rollen.");
        list.SetAction(async (parse, ct) =>
        {
            await using var db = await DatabaseArgs.OpenAsync(parse, ct).ConfigureAwait(false);
            var rows = await (from a in db.Accounts.AsNoTracking()
                              join r in db.AccountRoles.AsNoTracking() on a.Id equals r.AccountId into roles
                              from r in roles.DefaultIfEmpty()
                              orderby a.Email
                              select new { a.Email, a.DisplayName, a.LockoutEnd, Organisation = r == null ? null : r.OrganisationId, Role = r == null ? (Core.Governance.AccountRole?)null : r.Role })
                .ToListAsync(ct).ConfigureAwait(false);
            foreach (var row in rows)
            {
                var role = row.Role is { } r ? $"{RoleNames.Dutch(r)} van {row.Organisation}" : "geen rol";
                var locked = row.LockoutEnd > DateTimeOffset.UtcNow ? " (geblokkeerd)" : "";
                stdout.WriteLine($"{row.Email}\t{row.DisplayName}\t{role}{locked}");
            }

            stdout.WriteLine($"{rows.Select(r => r.Email).Distinct().Count()} account(s).");
            return CliApp.Ok;
        });

        return new Command("account", "Beheer accounts (de eerste beheerder maakt u hiermee).") { create, list };
    }

    /// <summary>Identity's user manager on the opened database, with the same rules as the web app.</summary>
    private static ServiceProvider AccountServices(RegiewijzerDb db)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(db);
        services.AddAccountStore();
        return services.BuildServiceProvider();
    }
}
