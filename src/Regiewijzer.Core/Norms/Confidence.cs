namespace Regiewijzer.Core.Norms;

/// <summary>How sure we are of a parameter (domain.md: [V], [S], [A]).</summary>
public enum Confidence
{
    /// <summary>[V] verified in a public primary source.</summary>
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
