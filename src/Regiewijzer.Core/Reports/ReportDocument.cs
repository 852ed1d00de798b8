using System.Collections.Immutable;

namespace Regiewijzer.Core.Reports;

/// <summary>
/// A council document (raadsinformatie of a municipality, regiodocument of a region) as content only: a cover and a
/// flow of blocks. The PDF and DOCX writers render the same document, so both carry the same words and numbers.
/// </summary>
/// <param name="Title">Document title (PDF title, DOCX core property, cover heading): "Raadsinformatie Ede".</param>
/// <param name="Subtitle">What it is about, on the cover.</param>
/// <param name="Cover">Facts on the cover as label and value: date, reference dates, software version, permalink.</param>
/// <param name="Blocks">The content, in reading order.</param>
/// <param name="FileName">File name without extension: "raadsinformatie-GM0228".</param>
/// <param name="Footer">Text in the footer of every page (left), beside the page number.</param>
public sealed record ReportDocument(
    string Title,
    string Subtitle,
    ImmutableArray<ReportFact> Cover,
    ImmutableArray<ReportBlock> Blocks,
    string FileName,
    string Footer)
{
    /// <summary>Every chart of the document, in order.</summary>
    public IEnumerable<ReportChart> Charts => Blocks.OfType<ReportChart>();

    /// <summary>Every text of the document in reading order (for tests and search): headings, paragraphs, table cells.</summary>
    public IEnumerable<string> Texts()
    {
        yield return Title;
        yield return Subtitle;
        foreach (var f in Cover)
        {
            yield return f.Label + ": " + f.Value;
        }

        foreach (var block in Blocks)
        {
            switch (block)
            {
                case ReportHeading h:
                    yield return h.Text;
                    break;
                case ReportParagraph p:
                    yield return p.Text;
                    break;
                case ReportTable t:
                    yield return t.Caption;
                    foreach (var row in t.Rows)
                    {
                        yield return string.Join(" | ", row);
                    }

                    break;
                case ReportChart c:
                    yield return c.AltText;
                    break;
            }
        }
    }
}

/// <summary>A labelled fact: "Peildatum woningvoorraad" = "1 januari 2024".</summary>
public sealed record ReportFact(string Label, string Value);

/// <summary>One block of a report.</summary>
public abstract record ReportBlock;

/// <summary>A heading: level 1 starts a chapter (on a new page in the PDF when it does not fit), level 2 a section.</summary>
public sealed record ReportHeading(int Level, string Text) : ReportBlock;

/// <summary>
/// A paragraph. A label is shown before the text in bold ("aanname", "signaal", "let op"), so assumptions and
/// data-quality flags stand out in both formats.
/// </summary>
public sealed record ReportParagraph(string Text, string? Label = null, bool Small = false) : ReportBlock;

/// <summary>A table with a header row; cells are text already formatted the Dutch way. Numeric columns are right-aligned.</summary>
public sealed record ReportTable(string Caption, ImmutableArray<string> Columns, ImmutableArray<ImmutableArray<string>> Rows, ImmutableArray<bool> Numeric) : ReportBlock
{
    /// <summary>Relative column widths (same length as <see cref="Columns"/>); empty gives equal widths.</summary>
    public ImmutableArray<double> Widths { get; init; } = [];
}

/// <summary>A chart drawn on the server, with an alternative text that says what it shows; its numbers are also in a table next to it.</summary>
public sealed record ReportChart(string Title, string AltText, ChartSpec Spec) : ReportBlock;

/// <summary>What to draw.</summary>
public abstract record ChartSpec;

/// <summary>A named series of values with its colour (hex, "#01689B").</summary>
public sealed record ChartSeries(string Name, ImmutableArray<double> Values, string Color);

/// <summary>Horizontal stacked bars: one bar per category, the series stacked, values as shares (0..1) or counts.</summary>
public sealed record StackedBarChart(ImmutableArray<string> Categories, ImmutableArray<ChartSeries> Series, bool Shares, string ValueAxis) : ChartSpec;

/// <summary>Lines over years, with an optional band (P10-P90) and an optional horizontal target line.</summary>
public sealed record YearLineChart(ImmutableArray<int> Years, ImmutableArray<ChartSeries> Lines, ChartBand? Band, double? Target, string ValueAxis) : ChartSpec;

/// <summary>A band between a low and a high series over the same years.</summary>
public sealed record ChartBand(string Name, ImmutableArray<double> Low, ImmutableArray<double> High, string Color);
