using System.Collections.Immutable;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;
using PdfSharp.UniversalAccessibility.Drawing;
using Regiewijzer.Core.Reports;

namespace Regiewijzer.Data.Reports;

/// <summary>
/// Writes a <see cref="ReportDocument"/> as an accessible PDF (PDFsharp with its UAManager): tagged (Document, H1/H2,
/// P, Table/TR/TH/TD, Figure with alternative text), title shown in the window, language nl-NL, reading order the order
/// of the blocks, page headers and footers as artifacts, fonts embedded (DejaVu Sans, see <see cref="ReportFonts"/>).
/// Layout in the manner of Dutch government documents: a wide left margin, sober sans-serif type, dark blue headings.
/// </summary>
public static class ReportPdf
{
    private const double PageWidth = 595.28;
    private const double PageHeight = 841.89;
    private const double Left = 80;
    private const double Right = 56;
    private const double Top = 64;
    private const double Bottom = 70;
    private const double TextWidth = PageWidth - Left - Right;
    private const double BodySize = 9.5;
    private const double Leading = 1.38;

    private static readonly XColor Blue = XColor.FromArgb(0x01, 0x68, 0x9B);
    private static readonly XColor DarkBlue = XColor.FromArgb(0x15, 0x42, 0x73);
    private static readonly XColor Grey = XColor.FromArgb(0x55, 0x55, 0x55);
    private static readonly XColor Line = XColor.FromArgb(0xB4, 0xB4, 0xB4);
    private static readonly XColor HeaderFill = XColor.FromArgb(0xDD, 0xEF, 0xF8);

    public static void Write(ReportDocument report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        ReportFonts.EnsureInstalled();
        using var document = new PdfDocument();
        document.Info.Title = report.Title;
        document.Info.Subject = report.Subtitle;
        document.Info.Author = "Regiewijzer";
        document.Info.Creator = "Regiewijzer";
        document.ViewerPreferences.DisplayDocTitle = true;
        document.PageLayout = PdfPageLayout.OneColumn;
        var ua = UAManager.ForDocument(document);
        ua.SetDocumentLanguage("nl-NL");
        var writer = new Writer(document, ua.StructureBuilder, report);
        writer.Run();
        document.Save(output, closeStream: false);
    }

    private sealed class Writer(PdfDocument document, StructureBuilder sb, ReportDocument report)
    {
        private readonly XFont body = new(ReportFonts.Family, BodySize, XFontStyleEx.Regular);
        private readonly XFont bold = new(ReportFonts.Family, BodySize, XFontStyleEx.Bold);
        private readonly XFont small = new(ReportFonts.Family, 8, XFontStyleEx.Regular);
        private readonly XFont smallBold = new(ReportFonts.Family, 8, XFontStyleEx.Bold);
        private readonly XFont h1 = new(ReportFonts.Family, 15, XFontStyleEx.Bold);
        private readonly XFont h2 = new(ReportFonts.Family, 11.5, XFontStyleEx.Bold);
        private readonly XFont title = new(ReportFonts.Family, 24, XFontStyleEx.Bold);
        private readonly XFont subtitle = new(ReportFonts.Family, 13, XFontStyleEx.Regular);
        private XGraphics? gfx;
        private PdfPage? page;
        private double y;
        private int pages;

        private XGraphics G => gfx!;

        public void Run()
        {
            Cover();
            NewPage();
            foreach (var block in report.Blocks)
            {
                switch (block)
                {
                    case ReportHeading h:
                        Heading(h);
                        break;
                    case ReportParagraph p:
                        Paragraph(p);
                        break;
                    case ReportTable t:
                        Table(t);
                        break;
                    case ReportChart c:
                        Chart(c);
                        break;
                }
            }

            sb.End(); // Document
            gfx?.Dispose();
        }

        private void Cover()
        {
            page = document.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            pages++;
            gfx = XGraphics.FromPdfPage(page);
            sb.BeginElement(PdfGroupingElementTag.Document);
            sb.BeginArtifact();
            G.DrawRectangle(new XSolidBrush(Blue), PageWidth / 2 - 22, 0, 44, 120); // the vertical band ("lint"), without a logo
            G.DrawRectangle(new XSolidBrush(HeaderFill), 0, PageHeight - 150, PageWidth, 150);
            sb.End();
            y = 240;
            sb.BeginElement(PdfBlockLevelElementTag.Heading1);
            foreach (var line in Wrap(report.Title, title, TextWidth))
            {
                G.DrawString(line, title, new XSolidBrush(DarkBlue), Left, y + title.Size, XStringFormats.Default);
                y += title.Size * 1.25;
            }

            sb.End();
            y += 8;
            sb.BeginElement(PdfBlockLevelElementTag.Paragraph);
            foreach (var line in Wrap(report.Subtitle, subtitle, TextWidth))
            {
                G.DrawString(line, subtitle, XBrushes.Black, Left, y + subtitle.Size, XStringFormats.Default);
                y += subtitle.Size * 1.35;
            }

            sb.End();
            y += 28;
            var labelWidth = 170.0;
            sb.BeginElement(PdfBlockLevelElementTag.Table);
            foreach (var fact in report.Cover)
            {
                var valueLines = Wrap(fact.Value, body, TextWidth - labelWidth);
                var labelLines = Wrap(fact.Label, bold, labelWidth - 8);
                sb.BeginElement(PdfBlockLevelElementTag.TableRow);
                sb.BeginElement(PdfBlockLevelElementTag.TableHeaderCell);
                DrawLines(labelLines, bold, XBrushes.Black, Left, y);
                sb.End();
                sb.BeginElement(PdfBlockLevelElementTag.TableDataCell);
                DrawLines(valueLines, body, XBrushes.Black, Left + labelWidth, y);
                sb.End();
                sb.End();
                y += (Math.Max(valueLines.Count, labelLines.Count) * LineHeight(body)) + 5;
            }

            sb.End();
            gfx.Dispose();
            gfx = null;
        }

        private void NewPage()
        {
            if (gfx is not null)
            {
                gfx.Dispose();
            }

            page = document.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            pages++;
            gfx = XGraphics.FromPdfPage(page);
            sb.BeginArtifact();
            G.DrawString(report.Title, small, new XSolidBrush(Grey), Left, 38, XStringFormats.Default);
            G.DrawLine(new XPen(Line, 0.5), Left, 44, PageWidth - Right, 44);
            G.DrawString(report.Footer, small, new XSolidBrush(Grey), Left, PageHeight - 36, XStringFormats.Default);
            G.DrawString($"Pagina {pages}", small, new XSolidBrush(Grey), PageWidth - Right, PageHeight - 36, XStringFormats.BottomRight);
            sb.End();
            y = Top;
        }

        private double Room => PageHeight - Bottom - y;

        private static double LineHeight(XFont font) => font.Size * Leading;

        private void Ensure(double height)
        {
            if (height > Room)
            {
                NewPage();
            }
        }

        private void Heading(ReportHeading heading)
        {
            var font = heading.Level <= 1 ? h1 : h2;
            var lines = Wrap(heading.Text, font, TextWidth);
            var height = (lines.Count * LineHeight(font)) + (heading.Level <= 1 ? 14 : 8);

            // Keep a heading with at least a few lines of what follows.
            if (heading.Level <= 1 && y > Top + 1)
            {
                y += 10;
            }

            Ensure(height + (LineHeight(body) * 4));
            if (heading.Level <= 1)
            {
                document.Outlines.Add(heading.Text, page!, true);
            }

            sb.BeginElement(heading.Level <= 1 ? PdfBlockLevelElementTag.Heading1 : PdfBlockLevelElementTag.Heading2);
            y += heading.Level <= 1 ? 4 : 6;
            DrawLines(lines, font, new XSolidBrush(heading.Level <= 1 ? DarkBlue : Blue), Left, y);
            sb.End();
            y += (lines.Count * LineHeight(font)) + (heading.Level <= 1 ? 6 : 2);
        }

        private void Paragraph(ReportParagraph paragraph)
        {
            var font = paragraph.Small ? small : body;
            var labelFont = paragraph.Small ? smallBold : bold;
            var words = new List<(string Word, XFont Font)>();
            if (paragraph.Label is { } label)
            {
                words.AddRange(ReportText.Capital(label).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => (w, labelFont)));
                words[^1] = (words[^1].Word + ":", labelFont);
            }

            words.AddRange(paragraph.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => (w, font)));
            var lines = WrapRich(words, TextWidth);
            var lineHeight = LineHeight(font);
            var index = 0;
            while (index < lines.Count)
            {
                if (Room < lineHeight * 2 && lines.Count - index >= 2)
                {
                    NewPage();
                }
                else if (Room < lineHeight)
                {
                    NewPage();
                }

                sb.BeginElement(PdfBlockLevelElementTag.Paragraph);
                while (index < lines.Count && Room >= lineHeight)
                {
                    var x = Left;
                    foreach (var (word, f) in lines[index])
                    {
                        G.DrawString(word, f, XBrushes.Black, x, y + f.Size, XStringFormats.Default);
                        x += G.MeasureString(word + " ", f).Width;
                    }

                    y += lineHeight;
                    index++;
                }

                sb.End();
            }

            y += paragraph.Small ? 3 : 5;
        }

        private void Table(ReportTable table)
        {
            var count = table.Columns.Length;
            var widths = table.Widths.Length == count ? table.Widths : [.. Enumerable.Repeat(1.0, count)];
            const double pad = 3;
            var font = count > 4 ? small : body;
            var headFont = count > 4 ? smallBold : bold;
            var columnWidths = ColumnWidths(table, widths, font, headFont, pad);
            var lineHeight = LineHeight(font);

            List<List<string>> Cells(IReadOnlyList<string> row, XFont f) =>
                [.. row.Select((text, i) => Wrap(text, f, columnWidths[i] - (2 * pad)))];

            var header = Cells(table.Columns, headFont);
            var headerHeight = (header.Max(c => c.Count) * lineHeight) + (2 * pad);

            // The caption, kept with the header and the first row.
            var caption = Wrap(table.Caption, bold, TextWidth);
            var firstRow = table.Rows.Length > 0 ? (Cells(table.Rows[0], font).Max(c => c.Count) * lineHeight) + (2 * pad) : 0;
            Ensure((caption.Count * LineHeight(bold)) + headerHeight + firstRow + 4);
            sb.BeginElement(PdfBlockLevelElementTag.Paragraph);
            y += 2;
            DrawLines(caption, bold, XBrushes.Black, Left, y);
            sb.End();
            y += (caption.Count * LineHeight(bold)) + 2;

            sb.BeginElement(PdfBlockLevelElementTag.Table);
            DrawHeader();
            foreach (var row in table.Rows)
            {
                var cells = Cells(row, font);
                var height = (cells.Max(c => c.Count) * lineHeight) + (2 * pad);
                if (height > Room)
                {
                    sb.End(); // the table continues on the next page as a table of its own, with its header repeated
                    NewPage();
                    sb.BeginElement(PdfBlockLevelElementTag.Table);
                    DrawHeader();
                }

                sb.BeginElement(PdfBlockLevelElementTag.TableRow);
                var x = Left;
                for (var i = 0; i < count; i++)
                {
                    sb.BeginElement(PdfBlockLevelElementTag.TableDataCell);
                    DrawCell(cells[i], font, x, columnWidths[i], table.Numeric.Length > i && table.Numeric[i]);
                    sb.End();
                    x += columnWidths[i];
                }

                sb.End();
                sb.BeginArtifact();
                G.DrawLine(new XPen(Line, 0.4), Left, y + height, Left + TextWidth, y + height);
                sb.End();
                y += height;
            }

            sb.End();
            y += 10;

            void DrawHeader()
            {
                sb.BeginArtifact();
                G.DrawRectangle(new XSolidBrush(HeaderFill), Left, y, TextWidth, headerHeight);
                sb.End();
                sb.BeginElement(PdfBlockLevelElementTag.TableRow);
                var x = Left;
                for (var i = 0; i < count; i++)
                {
                    sb.BeginElement(PdfBlockLevelElementTag.TableHeaderCell);
                    DrawCell(header[i], headFont, x, columnWidths[i], table.Numeric.Length > i && table.Numeric[i]);
                    sb.End();
                    x += columnWidths[i];
                }

                sb.End();
                y += headerHeight;
            }

            void DrawCell(List<string> lines, XFont f, double x, double width, bool numeric)
            {
                var top = y + pad;
                foreach (var line in lines)
                {
                    if (numeric)
                    {
                        G.DrawString(line, f, XBrushes.Black, x + width - pad, top + f.Size, XStringFormats.BaseLineRight);
                    }
                    else
                    {
                        G.DrawString(line, f, XBrushes.Black, x + pad, top + f.Size, XStringFormats.Default);
                    }

                    top += lineHeight;
                }
            }
        }

        /// <summary>
        /// Widths from the weights, but never narrower than the longest word of the header or a number of the column (so no
        /// word is broken); text columns give up width when the minimums do not fit.
        /// </summary>
        private double[] ColumnWidths(ReportTable table, ImmutableArray<double> weights, XFont font, XFont headFont, double pad)
        {
            var count = table.Columns.Length;
            var total = weights.Sum();
            var minimum = new double[count];
            for (var i = 0; i < count; i++)
            {
                var words = table.Columns[i].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => G.MeasureString(w, headFont).Width);
                var numeric = table.Numeric.Length > i && table.Numeric[i];
                var cells = numeric
                    ? table.Rows.Select(r => G.MeasureString(r[i], font).Width)
                    : table.Rows.SelectMany(r => r[i].Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(w => Math.Min(G.MeasureString(w, font).Width, TextWidth * 0.3));
                minimum[i] = words.Concat(cells).DefaultIfEmpty(0).Max() + (2 * pad) + 1;
            }

            double[] result = [.. weights.Select((w, i) => Math.Max(TextWidth * w / total, minimum[i]))];
            var excess = result.Sum() - TextWidth;
            if (excess > 0)
            {
                var flexible = Enumerable.Range(0, count).Where(i => result[i] > minimum[i]).ToList();
                var room = flexible.Sum(i => result[i] - minimum[i]);
                foreach (var i in flexible)
                {
                    result[i] -= room <= 0 ? 0 : excess * (result[i] - minimum[i]) / room;
                }
            }

            return result;
        }

        private void Chart(ReportChart chart)
        {
            var height = ReportCharts.HeightOf(chart);
            var png = ReportCharts.Png(chart, height);
            var captionLines = Wrap(chart.Title, bold, TextWidth);
            var drawHeight = height * TextWidth / ReportCharts.Width;
            Ensure((captionLines.Count * LineHeight(bold)) + drawHeight + 8);
            sb.BeginElement(PdfBlockLevelElementTag.Paragraph);
            y += 2;
            DrawLines(captionLines, bold, XBrushes.Black, Left, y);
            sb.End();
            y += (captionLines.Count * LineHeight(bold)) + 4;
            using var image = XImage.FromStream(new MemoryStream(png));
            G.DrawImage(image, Left, y, TextWidth, drawHeight, chart.AltText);
            y += drawHeight + 10;
        }

        private void DrawLines(IEnumerable<string> lines, XFont font, XBrush brush, double x, double top)
        {
            foreach (var line in lines)
            {
                G.DrawString(line, font, brush, x, top + font.Size, XStringFormats.Default);
                top += LineHeight(font);
            }
        }

        private List<string> Wrap(string text, XFont font, double width) =>
            [.. WrapRich([.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => (w, font))], width).Select(l => string.Join(' ', l.Select(w => w.Word)))];

        /// <summary>Greedy word wrap; a word wider than the line is broken by characters.</summary>
        private List<List<(string Word, XFont Font)>> WrapRich(List<(string Word, XFont Font)> words, double width)
        {
            var measure = gfx ?? XGraphics.CreateMeasureContext(new XSize(PageWidth, PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards);
            var lines = new List<List<(string, XFont)>>();
            var current = new List<(string, XFont)>();
            var used = 0.0;
            var space = measure.MeasureString(" ", body).Width;
            foreach (var (word, font) in words)
            {
                var w = measure.MeasureString(word, font).Width;
                if (current.Count > 0 && used + space + w > width)
                {
                    lines.Add(current);
                    current = [];
                    used = 0;
                }

                if (w > width)
                {
                    // Break a very long word (a URL) over lines.
                    var part = string.Empty;
                    foreach (var ch in word)
                    {
                        if (measure.MeasureString(part + ch, font).Width > width && part.Length > 0)
                        {
                            lines.Add([(part, font)]);
                            part = string.Empty;
                        }

                        part += ch;
                    }

                    current = [(part, font)];
                    used = measure.MeasureString(part, font).Width;
                    continue;
                }

                used += (current.Count > 0 ? space : 0) + w;
                current.Add((word, font));
            }

            if (current.Count > 0 || lines.Count == 0)
            {
                lines.Add(current);
            }

            if (gfx is null)
            {
                measure.Dispose();
            }

            return lines;
        }
    }
}
