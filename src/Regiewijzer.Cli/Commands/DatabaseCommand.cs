using System.CommandLine;
using Regiewijzer.Data.Database;
using Regiewijzer.Data.Reference;

namespace Regiewijzer.Cli.Commands;

/// <summary>regiewijzer database migrate|seed|scaffold-migration</summary>
internal static class DatabaseCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var migrate = new Command("migrate", "Maak de database aan of werk het schema bij.");
        migrate.SetAction(async (parse, ct) =>
        {
            var options = DatabaseArgs.Resolve(parse);
            await using var db = options.CreateContext();
            var report = await DatabaseSetup.MigrateAsync(db, ct).ConfigureAwait(false);
            stdout.WriteLine(report.AppliedMigrations.Count == 0
                ? $"{options}: schema is actueel."
                : $"{options}: {report.AppliedMigrations.Count} migratie(s) toegepast ({string.Join(", ", report.AppliedMigrations)}) in {report.MigrateTime.TotalMilliseconds:0} ms.");
            return CliApp.Ok;
        });

        var dataOption = new Option<string?>("--data") { Description = "Map met de referentiebestanden (standaard: data/reference naast het programma)." };
        var seed = new Command("seed", "Vul de database met de meegeleverde referentiedata (doet niets als die er al is).") { dataOption };
        seed.SetAction(async (parse, ct) =>
        {
            var options = DatabaseArgs.Resolve(parse);
            await using var db = options.CreateContext();
            var report = await DatabaseSetup.MigrateAndSeedAsync(db, parse.GetValue(dataOption) ?? ReferenceSeeder.DefaultDirectory, ct).ConfigureAwait(false);
            stdout.WriteLine(report.Seeded
                ? $"{options}: referentiedata geladen in {report.SeedTime.TotalMilliseconds:0} ms."
                : $"{options}: referentiedata was al geladen; niets gewijzigd.");
            return CliApp.Ok;
        });

        var name = new Argument<string>("naam") { Description = "Naam van de migratie, bijv. AddPlans." };
        var project = new Option<string>("--project-dir") { Description = "Map van Regiewijzer.Data.", DefaultValueFactory = _ => "src/Regiewijzer.Data" };
        var scaffold = new Command("scaffold-migration", "Ontwikkelaars: genereer een migratie voor SQLite en PostgreSQL.") { name, project };
        scaffold.Hidden = true;
        scaffold.SetAction(parse =>
        {
            foreach (var file in MigrationScaffolding.Scaffold(parse.GetRequiredValue(name), Path.GetFullPath(parse.GetRequiredValue(project))))
            {
                stdout.WriteLine(file);
            }

            return CliApp.Ok;
        });

        _ = stderr;
        return new Command("database", "Beheer de database.") { migrate, seed, scaffold };
    }
}
