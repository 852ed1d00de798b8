using Regiewijzer.Data.Import;
using Xunit;

namespace Regiewijzer.IntegrationTests.ImportExport;

public class CountsTests
{
    [Theory]
    [InlineData("1234", NumberNotation.Dutch, 1234)]
    [InlineData("1234", NumberNotation.International, 1234)]
    [InlineData(" 0 ", NumberNotation.Dutch, 0)]
    [InlineData("1.234", NumberNotation.Dutch, 1234)]
    [InlineData("1.234.567", NumberNotation.Dutch, 1234567)]
    [InlineData("1,234", NumberNotation.International, 1234)]
    [InlineData("12,345,678", NumberNotation.International, 12345678)]
    [InlineData("2147483647", NumberNotation.Dutch, int.MaxValue)]
    public void Parse_AcceptsUnambiguousWholeNumbers(string text, NumberNotation notation, int expected)
    {
        var (value, error) = Counts.Parse(text, notation);
        Assert.Null(error);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1.234,5", NumberNotation.Dutch, "'1.234,5' is geen geheel aantal")]
    [InlineData("1.234,5", NumberNotation.International, "'1.234,5' is geen geheel aantal")]
    [InlineData("1,5", NumberNotation.Dutch, "'1,5' is geen geheel aantal (in een bestand met ';'")]
    [InlineData("1,234", NumberNotation.Dutch, "'1,234' is geen geheel aantal (in een bestand met ';'")]
    [InlineData("1,000", NumberNotation.Dutch, "'1,000' is geen geheel aantal")]
    [InlineData("1.234", NumberNotation.International, "'1.234' is dubbelzinnig")]
    [InlineData("1.5", NumberNotation.International, "'1.5' is geen geheel aantal")]
    [InlineData("1.5", NumberNotation.Dutch, "'1.5' is geen geheel aantal ('.' scheidt duizendtallen")]
    [InlineData("12.34", NumberNotation.Dutch, "'12.34' is geen geheel aantal")]
    [InlineData("1,5", NumberNotation.International, "'1,5' is geen geheel aantal")]
    [InlineData("1234,0", NumberNotation.Dutch, "'1234,0' is geen geheel aantal")]
    [InlineData("-5", NumberNotation.Dutch, "'-5' is negatief")]
    [InlineData("-1.234", NumberNotation.Dutch, "'-1.234' is negatief")]
    [InlineData("abc", NumberNotation.Dutch, "'abc' is geen getal")]
    [InlineData("12a", NumberNotation.Dutch, "'12a' is geen getal")]
    [InlineData("+5", NumberNotation.Dutch, "'+5' is geen getal")]
    [InlineData("1 234", NumberNotation.Dutch, "'1 234' is geen getal")]
    [InlineData("", NumberNotation.Dutch, "leeg")]
    [InlineData("2147483648", NumberNotation.Dutch, "'2147483648' is te groot")]
    public void Parse_RejectsWithDutchReason(string text, NumberNotation notation, string reasonStart)
    {
        var (value, error) = Counts.Parse(text, notation);
        Assert.Null(value);
        Assert.NotNull(error);
        Assert.StartsWith(reasonStart, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024", 2024)]
    [InlineData("1900", 1900)]
    [InlineData("2.024", null)]
    [InlineData("24", null)]
    [InlineData("2200", null)]
    [InlineData("", null)]
    public void ParseYear_FourDigits(string text, int? expected) => Assert.Equal(expected, Counts.ParseYear(text).Value);
}
