namespace Regiewijzer.Core.Norms;

/// <summary>One parameter of a <see cref="NormSet"/>: an exact value with its source and confidence.</summary>
/// <param name="Key">Stable identifier, e.g. "socialShare" (the scenario-file name).</param>
/// <param name="Label">Dutch label for display.</param>
/// <param name="Value">Exact share in [0, 1].</param>
/// <param name="Source">Where the value comes from (law, decree, our assumption).</param>
/// <param name="Confidence">[V], [S] or [A].</param>
/// <param name="Note">Optional Dutch note, e.g. how a boundary case is treated, or why it is not verified.</param>
/// <param name="Article">The article of a law or decree that states the value (e.g. "Omgevingswet art. 2.33"); required for <see cref="Confidence.Verified"/>.</param>
/// <exception cref="ArgumentException">The parameter claims <see cref="Confidence.Verified"/> without an article.</exception>
public sealed record NormParameter(string Key, string Label, Fraction Value, string Source, Confidence Confidence, string? Note = null, string? Article = null)
{
    private readonly bool _labelled = Confidences.CheckArticle(Confidence, Article, Key);

    /// <summary>Percentage in Dutch notation with one decimal, e.g. "30,0%" or "66,7%" (display only; the value stays exact).</summary>
    public string Percent => Format.Percent(Value);
}
