using System.CommandLine;
using System.Globalization;

namespace Regiewijzer.Cli;

/// <summary>
/// The command tree. Exit codes: 0 computed, 1 invalid or unreadable input, 2 usage error, 3 someone else changed the same
/// data at the same moment (nothing stored), 4 the database stayed busy with another change (nothing stored; try again).
/// </summary>
internal static class CliApp
{
    public const int Ok = 0;
    public const int InvalidInput = 1;
    public const int UsageError = 2;
    public const int Conflict = 3;
    public const int DatabaseBusy = 4;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TextReader? stdin = null)
    {
        var root = CreateRoot(stdout, stderr, stdin);
        var parse = Parse(root, args);
        if (parse.Errors.Count > 0 && parse.Action is not DutchHelp)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"regiewijzer: {DutchParseErrors.Translate(error.Message)}");
            }

            stderr.WriteLine("Gebruik 'regiewijzer --help' voor de opties.");
            return UsageError;
        }

        // Database races and a busy database get their Dutch message and exit code (DatabaseErrors); anything else is a real
        // fault, reported with its stack trace and exit code 1.
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (Data.Database.DatabaseErrors.Classify(e) != Data.Database.DatabaseErrorKind.Other)
        {
            var kind = Data.Database.DatabaseErrors.Classify(e);
            stderr.WriteLine("regiewijzer: " + kind switch
            {
                Data.Database.DatabaseErrorKind.Busy => Data.Database.DatabaseErrors.BusyMessage,
                Data.Database.DatabaseErrorKind.Unavailable => Data.Database.DatabaseErrors.UnavailableMessage,
                _ => Data.Database.DatabaseErrors.ConflictMessage,
            });
            return kind is Data.Database.DatabaseErrorKind.Busy or Data.Database.DatabaseErrorKind.Unavailable ? DatabaseBusy : Conflict;
        }
        catch (Exception e)
        {
            if (e is not OperationCanceledException)
            {
                stderr.WriteLine("regiewijzer: onverwachte fout (meld dit met de tekst hieronder): " + e);
            }

            return InvalidInput;
        }
    }

    /// <summary>The whole command tree, with the Dutch help on its help option.</summary>
    public static RootCommand CreateRoot(TextWriter stdout, TextWriter stderr, TextReader? stdin = null)
    {
        var root = new RootCommand("Regiewijzer: verdeel en toets de woningbouwopgave volgens de Wet versterking regie volkshuisvesting.")
        {
            VerdeelCommand.Create(stdout, stderr),
            Commands.RegiosCommand.Create(stdout),
            Commands.WoondealsCommand.Create(stdout, stderr),
            Commands.AanwijzingCommand.Create(stdout, stderr),
            Commands.OpgaveCommand.Create(stdout, stderr),
            Commands.KwaliteitCommand.Create(stdout),
            Commands.ToetsCommand.Create(stdout, stderr),
            Commands.DatabaseCommand.Create(stdout, stderr),
            Commands.ImportCommand.Create(stdout, stderr),
            Commands.ExportCommand.Create(stdout, stderr),
            Commands.MonitorCommand.Create(stdout, stderr),
            Commands.PrognoseCommand.Create(stdout, stderr),
            Commands.RapportCommand.Create(stdout, stderr),
            Commands.AccountCommand.Create(stdout, stderr, stdin ?? Console.In),
        };
        root.Options.Add(DatabaseArgs.CreateProviderOption());
        root.Options.Add(DatabaseArgs.CreateConnectionOption());
        DutchHelp.Install(root, stdout);
        return root;
    }

    /// <summary>
    /// Parses with System.CommandLine's own (English) texts whatever the machine's language, so that
    /// <see cref="DutchParseErrors"/> recognises every message it rewrites.
    /// </summary>
    private static ParseResult Parse(RootCommand root, string[] args)
    {
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            return root.Parse(args);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }
}
