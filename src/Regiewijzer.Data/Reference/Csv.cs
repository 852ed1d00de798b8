using System.Text;

namespace Regiewijzer.Data.Reference;

/// <summary>A minimal RFC 4180 reader: comma-separated, double quotes escape, header row. Reports line numbers.</summary>
public static class Csv
{
    /// <summary>One data row with its 1-based line number in the file.</summary>
    public sealed record Row(int Line, IReadOnlyDictionary<string, string> Fields)
    {
        public string this[string column] => Fields.TryGetValue(column, out var v) ? v : throw new KeyNotFoundException($"Column '{column}' missing (line {Line}).");
    }

    /// <summary>Reads a file with a header row; throws FormatException on an unterminated quote or a row of the wrong width.</summary>
    public static (IReadOnlyList<string> Header, List<Row> Rows) Read(TextReader reader, char separator = ',')
    {
        ArgumentNullException.ThrowIfNull(reader);
        var records = Parse(reader, separator).ToList();
        if (records.Count == 0)
        {
            return ([], []);
        }

        var header = records[0].Fields;
        var rows = new List<Row>(records.Count - 1);
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue; // blank line
            }

            if (fields.Count != header.Count)
            {
                throw new FormatException($"Line {line}: {fields.Count} fields, header has {header.Count}.");
            }

            var map = new Dictionary<string, string>(header.Count, StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                map[header[i]] = fields[i];
            }

            rows.Add(new Row(line, map));
        }

        return (header, rows);
    }

    public static (IReadOnlyList<string> Header, List<Row> Rows) ReadFile(string path, char separator = ',')
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Read(reader, separator);
    }

    private static IEnumerable<(int Line, List<string> Fields)> Parse(TextReader reader, char separator)
    {
        var line = 1;
        var startLine = 1;
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            any = true;
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }

                    field.Append(ch);
                }
            }
            else if (ch == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (ch == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (ch == '\r')
            {
                // ignore; \n ends the record
            }
            else if (ch == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                yield return (startLine, fields);
                fields = [];
                line++;
                startLine = line;
                any = false;
            }
            else
            {
                field.Append(ch);
            }
        }

        if (quoted)
        {
            throw new FormatException($"Line {startLine}: a quoted field is not closed.");
        }

        if (any)
        {
            fields.Add(field.ToString());
            yield return (startLine, fields);
        }
    }
}
