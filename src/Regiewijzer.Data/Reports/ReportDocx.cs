using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Regiewijzer.Core.Reports;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Regiewijzer.Data.Reports;

/// <summary>
/// Writes a <see cref="ReportDocument"/> as an editable Word document (Open XML SDK): Word's own Title and Heading styles
/// (so the navigation pane and a table of contents work), language nl-NL, tables with a repeated header row, charts as
/// pictures with their alternative text, the title in the document properties. A civil servant adds the college's text.
/// </summary>
public static class ReportDocx
{
    private const string Font = "Verdana";
    private const string Blue = "01689B";
    private const string DarkBlue = "154273";

    /// <summary>Usable text width of an A4 page with these margins, in twentieths of a point.</summary>
    private const int TextWidthTwips = 11906 - 1700 - 1134;

    public static void Write(ReportDocument report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        document.PackageProperties.Title = report.Title;
        document.PackageProperties.Subject = report.Subtitle;
        document.PackageProperties.Creator = "Regiewijzer";
        document.PackageProperties.Language = "nl-NL";
        var main = document.AddMainDocumentPart();
        Styles(main);
        var body = new Body();
        main.Document = new Document(body);

        body.Append(Para(report.Title, "Title"));
        body.Append(Para(report.Subtitle, "Subtitle"));
        body.Append(FactsTable(report.Cover));
        body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));

        var picture = 1u;
        foreach (var block in report.Blocks)
        {
            switch (block)
            {
                case ReportHeading h:
                    body.Append(Para(h.Text, h.Level <= 1 ? "Heading1" : "Heading2"));
                    break;
                case ReportParagraph p:
                    body.Append(Text(p));
                    break;
                case ReportTable t:
                    body.Append(Para(t.Caption, "Caption"));
                    body.Append(Table(t));
                    body.Append(new Paragraph());
                    break;
                case ReportChart c:
                    body.Append(Para(c.Title, "Caption"));
                    body.Append(Chart(main, c, picture++));
                    break;
            }
        }

        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = new Footer(new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }),
            new Run(new Text(report.Footer + " · pagina ") { Space = SpaceProcessingModeValues.Preserve }),
            new SimpleField(new Run(new Text("1"))) { Instruction = " PAGE " }));
        body.Append(new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 1280, Bottom = 1280, Left = 1700, Right = 1134, Header = 700, Footer = 700 }));
        main.Document.Save();
    }

    private static Paragraph Para(string text, string style) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Paragraph Text(ReportParagraph p)
    {
        var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = p.Small ? "Small" : "Normal" }));
        if (p.Label is { } label)
        {
            paragraph.Append(new Run(new RunProperties(new Bold()), new Text(ReportText.Capital(label) + ": ") { Space = SpaceProcessingModeValues.Preserve }));
        }

        paragraph.Append(new Run(new Text(p.Text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    private static Table FactsTable(IEnumerable<ReportFact> facts)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableLook { FirstRow = false, FirstColumn = true, NoHorizontalBand = true, NoVerticalBand = true }));
        table.Append(new TableGrid(new GridColumn { Width = "3000" }, new GridColumn { Width = (TextWidthTwips - 3000).ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        foreach (var fact in facts)
        {
            table.Append(new TableRow(
                Cell(fact.Label, bold: true, right: false, width: 3000),
                Cell(fact.Value, bold: false, right: false, width: TextWidthTwips - 3000)));
        }

        return table;
    }

    private static Table Table(ReportTable t)
    {
        var count = t.Columns.Length;
        var weights = t.Widths.Length == count ? t.Widths : [.. Enumerable.Repeat(1.0, count)];
        var sum = weights.Sum();
        int[] widths = [.. weights.Select(w => (int)(TextWidthTwips * w / sum))];
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4, Color = "B4B4B4" },
            new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "B4B4B4" },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "B4B4B4" });
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            border,
            new TableLook { FirstRow = true, NoVerticalBand = true },
            new TableCaption { Val = t.Caption }));
        table.Append(new TableGrid([.. widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })]));
        var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        for (var i = 0; i < count; i++)
        {
            var cell = Cell(t.Columns[i], bold: true, right: Numeric(t, i), width: widths[i]);
            cell.TableCellProperties!.Append(new Shading { Val = ShadingPatternValues.Clear, Fill = "DDEFF8", Color = "auto" });
            header.Append(cell);
        }

        table.Append(header);
        foreach (var row in t.Rows)
        {
            var tr = new TableRow(new TableRowProperties(new CantSplit()));
            for (var i = 0; i < count; i++)
            {
                tr.Append(Cell(row[i], bold: false, right: Numeric(t, i), width: widths[i]));
            }

            table.Append(tr);
        }

        return table;
    }

    private static bool Numeric(ReportTable t, int i) => t.Numeric.Length > i && t.Numeric[i];

    private static TableCell Cell(string text, bool bold, bool right, int width)
    {
        var run = new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        if (bold)
        {
            run.PrependChild(new RunProperties(new Bold()));
        }

        var properties = new ParagraphProperties(new ParagraphStyleId { Val = "TableText" });
        if (right)
        {
            properties.Append(new Justification { Val = JustificationValues.Right });
        }

        return new TableCell(
            new TableCellProperties(new TableCellWidth { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }),
            new Paragraph(properties, run));
    }

    private static Paragraph Chart(MainDocumentPart main, ReportChart chart, uint id)
    {
        var height = ReportCharts.HeightOf(chart);
        var png = ReportCharts.Png(chart, height);
        var part = main.AddImagePart(ImagePartType.Png);
        using (var stream = new MemoryStream(png))
        {
            part.FeedData(stream);
        }

        var relationship = main.GetIdOfPart(part);
        const long emuPerTwip = 635;
        long cx = TextWidthTwips * emuPerTwip;
        long cy = cx * height / ReportCharts.Width;
        var name = $"Grafiek {id}";
        var inline = new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = id, Name = name, Description = chart.AltText, Title = chart.Title },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(
                        new PIC.NonVisualDrawingProperties { Id = id, Name = name + ".png", Description = chart.AltText },
                        new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = relationship }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0, DistanceFromBottom = 0, DistanceFromLeft = 0, DistanceFromRight = 0 };
        return new Paragraph(new ParagraphProperties(new KeepLines()), new Run(new Drawing(inline)));
    }

    private static void Styles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        part.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                    new FontSize { Val = "18" },
                    new Languages { Val = "nl-NL", EastAsia = "nl-NL", Bidi = "nl-NL" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
            Style("Normal", "Normal", null, null),
            Style("Title", "Title", new ParagraphProperties(new SpacingBetweenLines { Before = "2400", After = "240" }, new OutlineLevel { Val = 0 }),
                new StyleRunProperties(new Bold(), new Color { Val = DarkBlue }, new FontSize { Val = "44" })),
            Style("Subtitle", "Subtitle", new ParagraphProperties(new SpacingBetweenLines { After = "480" }), new StyleRunProperties(new FontSize { Val = "26" })),
            Style("Heading1", "heading 1", new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "360", After = "120" }, new OutlineLevel { Val = 0 }),
                new StyleRunProperties(new Bold(), new Color { Val = DarkBlue }, new FontSize { Val = "28" })),
            Style("Heading2", "heading 2", new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "80" }, new OutlineLevel { Val = 1 }),
                new StyleRunProperties(new Bold(), new Color { Val = Blue }, new FontSize { Val = "22" })),
            Style("Caption", "caption", new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "120", After = "60" }), new StyleRunProperties(new Bold())),
            Style("TableText", "Tabeltekst", new ParagraphProperties(new SpacingBetweenLines { Before = "20", After = "20", Line = "240", LineRule = LineSpacingRuleValues.Auto }), new StyleRunProperties(new FontSize { Val = "16" })),
            Style("Small", "Kleine tekst", null, new StyleRunProperties(new FontSize { Val = "15" })),
            Style("Footer", "footer", null, new StyleRunProperties(new FontSize { Val = "14" }, new Color { Val = "555555" })));
    }

    private static Style Style(string id, string name, ParagraphProperties? paragraph, StyleRunProperties? run)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id, Default = id == "Normal" ? true : null };
        if (id != "Normal")
        {
            style.Append(new BasedOn { Val = "Normal" });
        }

        style.Append(new PrimaryStyle());

        if (paragraph is not null)
        {
            style.Append(new StyleParagraphProperties([.. paragraph.ChildElements.Select(c => c.CloneNode(true))]));
        }

        if (run is not null)
        {
            style.Append(run);
        }

        return style;
    }
}
