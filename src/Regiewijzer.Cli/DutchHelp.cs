using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Globalization;

namespace Regiewijzer.Cli;

/// <summary>
/// The help text in Dutch. System.CommandLine 2.0 keeps its help builder and its texts ("Description:", "Usage:",
/// "Show help and usage information") internal and ships no Dutch translation, so the help option gets this action
/// instead: the same sections (omschrijving, gebruik, argumenten, opties, opdrachten) written from the command tree.
/// </summary>
internal sealed class DutchHelp : SynchronousCommandLineAction
{
    private const string ProgramName = "regiewijzer";

    private readonly TextWriter _stdout;

    private DutchHelp(TextWriter stdout) => _stdout = stdout;

    /// <summary>Help is asked for: errors such as a missing required option must not hide it.</summary>
    public override bool ClearsParseErrors => true;

    /// <summary>Gives the root's help and version options Dutch descriptions and the help option this action.</summary>
    public static void Install(RootCommand root, TextWriter stdout)
    {
        foreach (var option in root.Options)
        {
            switch (option)
            {
                case HelpOption help:
                    help.Description = "Toon de hulp: omschrijving, gebruik en opties";
                    help.Action = new DutchHelp(stdout);
                    break;
                case VersionOption version:
                    version.Description = "Toon het versienummer";
                    break;
            }
        }
    }

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        Write(parseResult.CommandResult.Command, _stdout);
        return CliApp.Ok;
    }

    /// <summary>Writes the help of one command.</summary>
    public static void Write(Command command, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(output);
        if (!string.IsNullOrWhiteSpace(command.Description))
        {
            output.WriteLine("Omschrijving:");
            output.WriteLine("  " + command.Description);
            output.WriteLine();
        }

        var arguments = command.Arguments.Where(a => !a.Hidden).ToList();
        var options = OptionsOf(command);
        var subcommands = command.Subcommands.Where(c => !c.Hidden).ToList();

        output.WriteLine("Gebruik:");
        output.WriteLine("  " + Usage(command, arguments, options.Count > 0, subcommands.Count > 0));
        output.WriteLine();

        Section(output, "Argumenten:", arguments.Select(a => (ArgumentLabel(a), Describe(a.Description, required: false, a.HasDefaultValue ? a.GetDefaultValue() : null))));
        Section(output, "Opties:", options.Select(o => (OptionLabel(o), Describe(o.Description, o.Required, o.HasDefaultValue ? o.GetDefaultValue() : null))));
        Section(output, "Opdrachten:", subcommands.Select(c => (CommandLabel(c), c.Description ?? string.Empty)));
    }

    private static List<Option> OptionsOf(Command command)
    {
        var options = command.Options.Where(o => !o.Hidden).ToList();
        for (var parent = ParentOf(command); parent is not null; parent = ParentOf(parent))
        {
            options.AddRange(parent.Options.Where(o => o.Recursive && !o.Hidden && !options.Contains(o)));
        }

        return options;
    }

    private static Command? ParentOf(Command command) => command.Parents.OfType<Command>().FirstOrDefault();

    private static string Usage(Command command, List<Argument> arguments, bool hasOptions, bool hasSubcommands)
    {
        var path = new List<string>();
        for (var c = command; c is not null; c = ParentOf(c))
        {
            path.Insert(0, c is RootCommand ? ProgramName : c.Name);
        }

        if (hasSubcommands)
        {
            path.Add("[opdracht]");
        }

        path.AddRange(arguments.Select(a => a.Arity.MinimumNumberOfValues == 0 ? $"[{ArgumentLabel(a)}]" : ArgumentLabel(a)));
        if (hasOptions)
        {
            path.Add("[opties]");
        }

        return string.Join(' ', path);
    }

    private static string ArgumentLabel(Argument argument) => $"<{argument.HelpName ?? argument.Name}>";

    private static string CommandLabel(Command command) =>
        string.Join(", ", new[] { command.Name }.Concat(command.Aliases.Order(StringComparer.Ordinal)));

    private static string OptionLabel(Option option)
    {
        // The Windows-style aliases of the help option (/h, /?) work but are not advertised, as System.CommandLine's own help does.
        var names = string.Join(", ", new[] { option.Name }.Concat(option.Aliases).Distinct(StringComparer.Ordinal)
            .Where(n => !n.StartsWith('/'))
            .OrderBy(n => n.Length).ThenBy(n => n, StringComparer.Ordinal));
        if (option.Arity.MaximumNumberOfValues == 0 || option.ValueType == typeof(bool))
        {
            return names;
        }

        var choices = option.HelpName is null
            ? option.GetCompletions(CompletionContext.Empty).Select(c => c.Label).ToList()
            : [];
        var value = option.HelpName ?? (choices.Count > 0 ? string.Join('|', choices) : option.Name.TrimStart('-'));
        return $"{names} <{value}>";
    }

    private static string Describe(string? description, bool required, object? defaultValue)
    {
        var text = description ?? string.Empty;
        if (required)
        {
            text += " (verplicht)";
        }

        if (defaultValue is not null and not false && Convert.ToString(defaultValue, CultureInfo.InvariantCulture) is { Length: > 0 } shown)
        {
            text += $" [standaard: {shown}]";
        }

        return text.Trim();
    }

    private static void Section(TextWriter output, string title, IEnumerable<(string Label, string Text)> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            return;
        }

        output.WriteLine(title);
        var width = list.Max(r => r.Label.Length) + 2;
        foreach (var (label, text) in list)
        {
            output.WriteLine(("  " + label.PadRight(width) + text).TrimEnd());
        }

        output.WriteLine();
    }
}
