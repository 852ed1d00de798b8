using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Regiewijzer.Core.Distributions;

/// <summary>A named input or intermediate value shown in an explanation step.</summary>
public sealed record ExplanationValue(string Name, string Value);

/// <summary>One step of "Hoe komt dit getal tot stand?": what was computed, with which values, by which rule, from which source.</summary>
/// <remarks>
/// A step made by <see cref="Explanation"/> is written once, as the line <see cref="ToString"/> returns; its <see cref="Text"/>
/// is the middle of that line, cut out only when it is read. A page reads the text, the scenario output the line: neither
/// pays for the other's string. Equality, <c>with</c> and every member behave as for a step made with the constructor.
/// </remarks>
public sealed record ExplanationStep(int Number, string Title, string Text, ImmutableArray<ExplanationValue> Values, string Rule, string Source)
{
    private const string RuleOpening = " (regel: ";
    private const string SourceOpening = "; bron: ";

    private static readonly string[] Digits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

    private readonly string? _line;
    private readonly int _textStart;
    private readonly int _textLength;

    /// <summary>A step whose line <paramref name="line"/> holds was written with <see cref="AppendOpening"/> and <see cref="FromLine"/>.</summary>
    private ExplanationStep(int number, string title, string line, int textStart, int textLength, ImmutableArray<ExplanationValue> values, string rule, string source)
        : this(number, title, null!, values, rule, source)
    {
        _line = line;
        _textStart = textStart;
        _textLength = textLength;
    }

    /// <summary>A copy (for <c>with</c>) holds the values, not the line: a changed member would make the line stale.</summary>
    private ExplanationStep(ExplanationStep original)
    {
        Number = original.Number;
        Title = original.Title;
        Text = original.Text;
        Values = original.Values;
        Rule = original.Rule;
        Source = original.Source;
    }

    /// <summary>The step's Dutch sentences.</summary>
    public string Text { get => field ??= _line?.Substring(_textStart, _textLength)!; init; } = Text;

    /// <summary>The step as one line of Dutch text (used in the scenario output): "n. title: text (regel: rule; bron: source)".</summary>
    public override string ToString() => _line ?? string.Concat([NumberText(Number), ". ", Title, ": ", Text, RuleOpening, Rule, SourceOpening, Source, ")"]);

    public bool Equals(ExplanationStep? other) =>
        ReferenceEquals(this, other)
        || (other is not null && Number == other.Number && Title == other.Title && Text == other.Text && Values.Equals(other.Values)
            && Rule == other.Rule && Source == other.Source);

    public override int GetHashCode() => HashCode.Combine(Number, Title, Text, Values, Rule, Source);

    /// <summary>Writes the opening of a step's line, "n. title: ", after which the caller writes the text.</summary>
    internal static StringBuilder AppendOpening(StringBuilder line, int number, string title) =>
        line.Append(NumberText(number)).Append(". ").Append(title).Append(": ");

    /// <summary>
    /// Makes the step of the line <paramref name="opened"/> holds (opened by <see cref="AppendOpening"/> with the same number and
    /// title, then the text), closed with the rule and the source. Those are copied once, straight into the line.
    /// </summary>
    internal static ExplanationStep FromLine(StringBuilder opened, int number, string title, ImmutableArray<ExplanationValue> values, string rule, string source)
    {
        var textStart = NumberText(number).Length + 2 + title.Length + 2;
        var textLength = opened.Length - textStart;
        var length = opened.Length + RuleOpening.Length + rule.Length + SourceOpening.Length + source.Length + 1;
        var line = string.Create(length, (opened, rule, source), static (span, state) =>
        {
            var (opened, rule, source) = state;
            opened.CopyTo(0, span, opened.Length);
            var rest = span[opened.Length..];
            foreach (var piece in (ReadOnlySpan<string>)[RuleOpening, rule, SourceOpening, source])
            {
                piece.CopyTo(rest);
                rest = rest[piece.Length..];
            }

            rest[0] = ')';
        });
        return new ExplanationStep(number, title, line, textStart, textLength, values, rule, source);
    }

    private static string NumberText(int number) =>
        (uint)number < (uint)Digits.Length ? Digits[number] : number.ToString(CultureInfo.CurrentCulture);
}
