using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Regiewijzer.Cli;

/// <summary>
/// System.CommandLine's usage errors in Dutch. Its texts are internal resources without a Dutch translation, so the
/// parser runs with the invariant (English) texts and each message is matched against its English template and
/// rewritten; a message that matches none (our own validators already speak Dutch) is returned unchanged.
/// </summary>
internal static partial class DutchParseErrors
{
    // The English templates are System.CommandLine 2.0's resource texts (Properties/Resources.resx), {n} as in the resource.
    private static readonly (Regex English, string Dutch, int Placeholders, int TypeAt)[] Messages =
    [
        Template("Required argument missing for option: '{0}'.", "Bij optie '{0}' ontbreekt de waarde."),
        Template("Required argument missing for command: '{0}'.", "Bij opdracht '{0}' ontbreekt een verplicht argument."),
        Template("Option '{0}' is required.", "Optie '{0}' is verplicht."),
        Template("Required command was not provided.", "Geef een opdracht; 'regiewijzer --help' toont ze."),
        Template("Unrecognized command or argument '{0}'.", "Onbekende opdracht of onbekend argument '{0}'."),
        Template("Argument '{0}' not recognized. Must be one of:{1}", "Waarde '{0}' is niet toegestaan. Kies uit:{1}"),
        Template("Option '{0}' expects a single argument but {1} were provided.", "Optie '{0}' verwacht één waarde, maar kreeg er {1}."),
        Template("{0} option cannot be combined with other arguments.", "Optie {0} kan niet met andere argumenten worden gecombineerd."),
        Template("Cannot parse argument '{0}' for option '{1}' as expected type '{2}'. Did you mean one of the following?{3}", "Waarde '{0}' van optie '{1}' is geen {2}. Bedoelt u een van deze?{3}"),
        Template("Cannot parse argument '{0}' for option '{1}' as expected type '{2}'.", "Waarde '{0}' van optie '{1}' is geen {2}."),
        Template("Cannot parse argument '{0}' for command '{1}' as expected type '{2}'. Did you mean one of the following?{3}", "Waarde '{0}' bij opdracht '{1}' is geen {2}. Bedoelt u een van deze?{3}"),
        Template("Cannot parse argument '{0}' for command '{1}' as expected type '{2}'.", "Waarde '{0}' bij opdracht '{1}' is geen {2}."),
        Template("Cannot parse argument '{0}' as expected type '{1}'.", "Waarde '{0}' is geen {1}."),
        Template("'{0}' was not matched. Did you mean one of the following?", "'{0}' is onbekend. Bedoelt u een van deze?"),
        Template("File does not exist: '{0}'.", "Bestand bestaat niet: '{0}'."),
        Template("Directory does not exist: '{0}'.", "Map bestaat niet: '{0}'."),
        Template("File or directory does not exist: '{0}'.", "Bestand of map bestaat niet: '{0}'."),
        Template("Character not allowed in a file name: '{0}'.", "Teken niet toegestaan in een bestandsnaam: '{0}'."),
        Template("Character not allowed in a path: '{0}'.", "Teken niet toegestaan in een pad: '{0}'."),
        Template("Response file not found '{0}'.", "Antwoordbestand '{0}' niet gevonden."),
        Template("Error reading response file '{0}': {1}", "Antwoordbestand '{0}' is niet te lezen: {1}"),
    ];

    /// <summary>The Dutch text of one parse error message.</summary>
    public static string Translate(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        foreach (var (english, dutch, placeholders, typeAt) in Messages)
        {
            var match = english.Match(message);
            if (match.Success)
            {
                var values = Enumerable.Range(0, placeholders)
                    .Select(i => i == typeAt ? TypeWord(match.Groups[$"p{i}"].Value) : match.Groups[$"p{i}"].Value)
                    .ToArray<object?>();
                return string.Format(CultureInfo.InvariantCulture, dutch, values);
            }
        }

        return message;
    }

    /// <summary>The expected type in words: "geheel getal" rather than "System.Int32".</summary>
    private static string TypeWord(string type) => type.Replace("System.", string.Empty, StringComparison.Ordinal) switch
    {
        "Int32" or "Int64" or "Int16" => "geheel getal",
        "Decimal" or "Double" or "Single" => "getal",
        "Boolean" => "waar of onwaar (true of false)",
        "DateOnly" or "DateTime" or "DateTimeOffset" => "datum (jjjj-mm-dd)",
        "IO.FileInfo" or "FileInfo" => "bestandsnaam",
        "IO.DirectoryInfo" or "DirectoryInfo" => "map",
        _ => "geldige waarde",
    };

    /// <summary>
    /// A regex for an English template: the literal text escaped, each {n} a capture named pn; also how many placeholders
    /// it has and which one is the expected type (-1 when none).
    /// </summary>
    private static (Regex, string, int, int) Template(string english, string dutch)
    {
        var pattern = new StringBuilder("^");
        var parts = Placeholder().Split(english);
        var placeholders = 0;
        var typeAt = -1;
        for (var i = 0; i < parts.Length; i++)
        {
            if (i % 2 == 0)
            {
                pattern.Append(Regex.Escape(parts[i]));
                continue;
            }

            var n = int.Parse(parts[i], CultureInfo.InvariantCulture);
            placeholders = Math.Max(placeholders, n + 1);
            if (english.Contains($"expected type '{{{n}}}'", StringComparison.Ordinal))
            {
                typeAt = n;
            }

            pattern.Append(CultureInfo.InvariantCulture, $"(?<p{n}>.*?)");
        }

        pattern.Append('$');
        return (new Regex(pattern.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), dutch, placeholders, typeAt);
    }

    [GeneratedRegex(@"\{(\d)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
