using System.CommandLine;

namespace Regiewijzer.Cli;

/// <summary>The command tree. Exit codes: 0 computed, 1 invalid or unreadable input, 2 usage error.</summary>
internal static class CliApp
{
    public const int Ok = 0;
    public const int InvalidInput = 1;
    public const int UsageError = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TextReader? stdin = null)
    {
        var root = new RootCommand("Regiewijzer: verdeel en toets de woningbouwopgave volgens de Wet versterking regie volkshuisvesting.")
        {
            VerdeelCommand.Create(stdout, stderr),
            Commands.RegiosCommand.Create(stdout),
            Commands.KwaliteitCommand.Create(stdout),
            Commands.ToetsCommand.Create(stdout, stderr),
            Commands.DatabaseCommand.Create(stdout, stderr),
            Commands.ImportCommand.Create(stdout, stderr),
            Commands.ExportCommand.Create(stdout, stderr),
            Commands.MonitorCommand.Create(stdout, stderr),
            Commands.PrognoseCommand.Create(stdout, stderr),
            Commands.AccountCommand.Create(stdout, stderr, stdin ?? Console.In),
        };
        root.Options.Add(DatabaseArgs.CreateProviderOption());
        root.Options.Add(DatabaseArgs.CreateConnectionOption());

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"regiewijzer: {error.Message}");
            }

            stderr.WriteLine("Gebruik 'regiewijzer --help' voor de opties.");
            return UsageError;
        }

        return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }
}
