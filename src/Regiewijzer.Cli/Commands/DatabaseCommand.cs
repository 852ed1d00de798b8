using System.CommandLine;
using Regiewijzer.Data.Database;
using Regiewijzer.Data.Reference;

namespace Regiewijzer.Cli.Commands;

/// <summary>regiewijzer database migrate|seed|backup|restore|scaffold-migration</summary>
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

        var backupFile = new Argument<string>("bestand") { Description = "Het back-upbestand dat wordt gemaakt (bestaat nog niet)." };
        var backup = new Command("backup", "Maak een back-up van de SQLite-database (ook terwijl de webapp draait). Voor PostgreSQL: toont de pg_dump-opdracht.") { backupFile };
        backup.SetAction(parse =>
        {
            var options = DatabaseArgs.Resolve(parse);
            var file = parse.GetRequiredValue(backupFile);
            if (options.Provider != DatabaseOptions.Sqlite)
            {
                stderr.WriteLine(DatabaseBackup.PostgresInstructions(options, file));
                return CliApp.UsageError;
            }

            if (DatabaseBackup.BackupSqlite(options, file) is { } refusal)
            {
                stderr.WriteLine($"regiewijzer: {refusal}");
                return CliApp.InvalidInput;
            }

            stdout.WriteLine($"Back-up gemaakt: {Path.GetFullPath(file)}.");
            return CliApp.Ok;
        });

        var restoreFile = new Argument<string>("bestand") { Description = "Het back-upbestand om terug te zetten." };
        var replace = new Option<bool>("--vervang") { Description = "Bevestig dat alle huidige gegevens worden vervangen door die van de back-up." };
        var restore = new Command("restore", "Zet een back-up terug in de SQLite-database: alle huidige gegevens worden vervangen. Voor PostgreSQL: toont de pg_restore-opdracht.") { restoreFile, replace };
        restore.SetAction(parse =>
        {
            var options = DatabaseArgs.Resolve(parse);
            var file = parse.GetRequiredValue(restoreFile);
            if (options.Provider != DatabaseOptions.Sqlite)
            {
                stderr.WriteLine(DatabaseBackup.PostgresInstructions(options, file));
                return CliApp.UsageError;
            }

            if (!parse.GetValue(replace))
            {
                stderr.WriteLine($"regiewijzer: terugzetten vervangt alle gegevens van {options} door die van {file}. Herhaal de opdracht met --vervang om dat te bevestigen; er is niets gewijzigd.");
                return CliApp.UsageError;
            }

            if (DatabaseBackup.RestoreSqlite(options, file) is { } refusal)
            {
                stderr.WriteLine($"regiewijzer: {refusal}");
                return CliApp.InvalidInput;
            }

            stdout.WriteLine($"Teruggezet uit {Path.GetFullPath(file)}. Een draaiende webapp toont de teruggezette gegevens na een herstart.");
            return CliApp.Ok;
        });

        return new Command("database", "Beheer de database.") { migrate, seed, backup, restore, scaffold };
    }
}
