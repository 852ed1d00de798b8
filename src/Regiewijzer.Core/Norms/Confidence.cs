namespace Regiewijzer.Core.Norms;

/// <summary>How sure we are of a parameter (domain.md: [V], [S], [A]).</summary>
public enum Confidence
{
    /// <summary>[V] verified in a primary legal source: an article of a law or decree, which the value must name.</summary>
    Verified,

    /// <summary>[S] taken from a secondary source.</summary>
    Secondary,

    /// <summary>[A] our assumption where the legal text was not available; labelled as such in the UI.</summary>
    Assumption,
}

/// <summary>Dutch labels for display.</summary>
public static class ConfidenceText
{
    public static string Dutch(this Confidence confidence) => confidence switch
    {
        Confidence.Verified => "geverifieerd",
        Confidence.Secondary => "secundaire bron",
        Confidence.Assumption => "aanname",
        _ => throw new ArgumentOutOfRangeException(nameof(confidence)),
    };
}

/// <summary>The rule of the labels: only a value with an article of a law or decree is verified.</summary>
public static class Confidences
{
    /// <summary>True when <paramref name="confidence"/> may be claimed with <paramref name="article"/>.</summary>
    public static bool MayClaim(Confidence confidence, string? article) =>
        confidence != Confidence.Verified || !string.IsNullOrWhiteSpace(article);

    /// <summary>Throws when a value claims <see cref="Confidence.Verified"/> without an article (a bug in the catalogue).</summary>
    /// <exception cref="ArgumentException">Verified without an article.</exception>
    public static bool CheckArticle(Confidence confidence, string? article, string what) =>
        MayClaim(confidence, article)
            ? true
            : throw new ArgumentException($"'{what}' is labelled verified but names no article of a law or decree.", nameof(article));
}
