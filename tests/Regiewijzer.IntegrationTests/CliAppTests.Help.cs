using System.CommandLine;
using System.Globalization;
using Regiewijzer.Cli;
using Xunit;

namespace Regiewijzer.IntegrationTests;

/// <summary>The CLI's help and usage errors speak Dutch: System.CommandLine's English headings and messages never reach a user.</summary>
public sealed partial class CliAppTests
{
    private static readonly string[] EnglishHelpAndErrors =
    [
        "Description:", "Usage:", "Options:", "Commands:", "Arguments:", "Additional Arguments",
        "Required argument missing", "Unrecognized command or argument", "Required command was not provided",
        "Show help", "Show version", "[default:", "(REQUIRED)", "[options]", "[command]",
        "Cannot parse", "is required", "not recognized", "Must be one of", "expects a single argument",
        "Connection string", "Unhandled exception",
    ];

    public static TheoryData<string> CommandPaths()
    {
        var data = new TheoryData<string>();
        using var sink = new StringWriter(CultureInfo.InvariantCulture);
        var root = CliApp.CreateRoot(sink, sink);
        data.Add(string.Empty);
        foreach (var path in Walk(root, []))
        {
            data.Add(path);
        }

        return data;

        static IEnumerable<string> Walk(Command command, List<string> prefix)
        {
            foreach (var sub in command.Subcommands.Where(c => !c.Hidden))
            {
                List<string> path = [.. prefix, sub.Name];
                yield return string.Join(' ', path);
                foreach (var deeper in Walk(sub, path))
                {
                    yield return deeper;
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public void Help_EveryCommand_IsDutch(string path)
    {
        var (exit, stdout, stderr) = RunWithoutDatabase([.. path.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);

        Assert.True(exit == CliApp.Ok, stderr);
        Assert.Equal(string.Empty, stderr);
        Assert.Contains("Gebruik:\n  regiewijzer " + path, stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Opties:", stdout, StringComparison.Ordinal);
        Assert.Contains("-?, -h, --help", stdout, StringComparison.Ordinal);
        Assert.Contains("Toon de hulp", stdout, StringComparison.Ordinal);
        Assert.Contains("--db-provider", stdout, StringComparison.Ordinal); // the database options hold for every command
        AssertNoEnglish(stdout);
    }

    [Fact]
    public void Help_Root_HasEverySection()
    {
        var (exit, stdout, _) = RunWithoutDatabase("--help");

        Assert.Equal(CliApp.Ok, exit);
        foreach (var heading in new[] { "Omschrijving:", "Gebruik:", "Opties:", "Opdrachten:" })
        {
            Assert.Contains(heading, stdout, StringComparison.Ordinal);
        }

        Assert.Contains("regiewijzer [opdracht] [opties]", stdout, StringComparison.Ordinal);
        Assert.Contains("Toon het versienummer", stdout, StringComparison.Ordinal);
        Assert.Matches(@"\n  verdeel\s+Verdeel de opgave van één regio over de gemeenten\.", stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Help_CommandWithArgumentRequiredOptionAndDefault_ShowsThemInDutch()
    {
        var opgave = RunWithoutDatabase("opgave", "--help").Stdout;
        Assert.Contains("Argumenten:", opgave, StringComparison.Ordinal);
        Assert.Contains("regiewijzer opgave <regio> [opties]", opgave, StringComparison.Ordinal);
        Assert.Matches(@"<regio>\s+Regiocode, bijvoorbeeld WD19\.", opgave);

        // Required options would be a parse error, but asking for help is not.
        var (exit, vastleggen, stderr) = RunWithoutDatabase("aanwijzing", "vastleggen", "--help");
        Assert.True(exit == CliApp.Ok, stderr);
        Assert.Contains("(verplicht)", vastleggen, StringComparison.Ordinal);

        var verdeel = RunWithoutDatabase("verdeel", "--help").Stdout;
        Assert.Contains("--format <json|table>", verdeel, StringComparison.Ordinal);
        Assert.Contains("[standaard: table]", verdeel, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bij optie '--regio' ontbreekt de waarde.", "verdeel", "--regio")]
    [InlineData("Onbekende opdracht of onbekend argument 'blah'.", "blah")]
    [InlineData("Geef een opdracht; 'regiewijzer --help' toont ze.")]
    [InlineData("Waarde 'xml' is niet toegestaan. Kies uit:", "verdeel", "--scenario", "x.json", "--format", "xml")]
    [InlineData("Optie '--provincie' is verplicht.", "aanwijzing", "vastleggen", "--bestand", "x.json", "--datum", "2027-01-01", "--grondslag", "art. 1")]
    [InlineData("Optie '--format' verwacht één waarde, maar kreeg er 2.", "verdeel", "--scenario", "x.json", "--format", "json", "--format", "table")]
    public void UsageError_IsDutch(string expected, params string[] args)
    {
        var (exit, stdout, stderr) = RunWithoutDatabase(args);

        Assert.True(exit == CliApp.UsageError, $"exit {exit}: {stdout}{stderr}");
        Assert.Contains("regiewijzer: " + expected, stderr, StringComparison.Ordinal);
        Assert.Contains("Gebruik 'regiewijzer --help' voor de opties.", stderr, StringComparison.Ordinal);
        AssertNoEnglish(stderr);
    }

    [Theory]
    [InlineData("Cannot parse argument 'tien' for option '--runs' as expected type 'System.Int32'.", "Waarde 'tien' van optie '--runs' is geen geheel getal.")]
    [InlineData("Cannot parse argument 'nee' for option '--bevestig' as expected type 'System.Boolean'.", "Waarde 'nee' van optie '--bevestig' is geen waar of onwaar (true of false).")]
    [InlineData("Argument 'xml' not recognized. Must be one of:\n\t'json'\n\t'table'", "Waarde 'xml' is niet toegestaan. Kies uit:\n\t'json'\n\t'table'")]
    [InlineData("File does not exist: '/tmp/x.json'.", "Bestand bestaat niet: '/tmp/x.json'.")]
    [InlineData("Kies hooguit één van --regio, --gemeente en --provincie (zonder: het land).", "Kies hooguit één van --regio, --gemeente en --provincie (zonder: het land).")]
    public void Translate_EnglishParserMessage_GivesDutch(string english, string dutch) =>
        Assert.Equal(dutch, DutchParseErrors.Translate(english));

    private static void AssertNoEnglish(string text)
    {
        foreach (var word in EnglishHelpAndErrors)
        {
            Assert.False(text.Contains(word, StringComparison.Ordinal), $"'{word}' in:\n{text}");
        }
    }

    private static (int Exit, string Stdout, string Stderr) RunWithoutDatabase(params string[] args)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var exit = CliApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
