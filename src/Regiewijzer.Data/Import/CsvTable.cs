using System.Text;

namespace Regiewijzer.Data.Import;

/// <summary>
/// RFC 4180 CSV with the separator taken from the header line: ';' (Dutch Excel) when it has more
/// semicolons than commas, else ','. UTF-8, with or without BOM. Line numbers count physical lines.
/// </summary>
internal static class CsvTable
{
    public static TableReadResult Read(Stream stream, int maxRows, long maxBytes)
    {
        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var text = reader.ReadToEnd();
        if (text.Length > maxBytes)
        {
            return TabularReader.Fail(0, $"bestand is groter dan {maxBytes / (1024 * 1024)} MB; splits het bestand");
        }

        var separator = DetectSeparator(text);
        var errors = new List<ImportError>();
        var records = new List<(int Line, List<string> Fields)>();
        foreach (var record in Parse(text, separator, errors))
        {
            if (records.Count > maxRows)
            {
                return TabularReader.Fail(record.Line, $"meer dan {maxRows.ToString("N0", Core.Format.Dutch)} rijen; splits het bestand");
            }

            records.Add(record);
        }

        return TabularReader.Build(records, separator == ';' ? NumberNotation.Dutch : NumberNotation.International, errors);
    }

    /// <summary>The separator of the header line (outside quotes): ';' when it has more semicolons than commas.</summary>
    internal static char DetectSeparator(string text)
    {
        int semicolons = 0, commas = 0;
        var quoted = false;
        foreach (var ch in text)
        {
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && ch == '\n')
            {
                break;
            }
            else if (!quoted && ch == ';')
            {
                semicolons++;
            }
            else if (!quoted && ch == ',')
            {
                commas++;
            }
        }

        return semicolons > commas ? ';' : ',';
    }

    private static IEnumerable<(int Line, List<string> Fields)> Parse(string text, char separator, List<ImportError> errors)
    {
        var line = 1;
        var startLine = 1;
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += ch == '\n' ? 1 : 0;
                    field.Append(ch);
                }
            }
            else if (ch == '"' && field.Length == 0 && !wasQuoted)
            {
                quoted = true;
                wasQuoted = true;
            }
            else if (ch == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
                wasQuoted = false;
            }
            else if (ch == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                wasQuoted = false;
                yield return (startLine, fields);
                fields = [];
                line++;
                startLine = line;
            }
            else if (ch != '\r')
            {
                field.Append(ch);
            }
        }

        if (quoted)
        {
            errors.Add(new ImportError(startLine, string.Empty, "een veld tussen aanhalingstekens wordt niet afgesloten"));
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return (startLine, fields);
        }
    }
}
