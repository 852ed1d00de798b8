namespace Regiewijzer.Core.Norms;

/// <summary>Housing segments of new-build (domain.md section 3).</summary>
public enum Segment
{
    /// <summary>Sociale huur: initial rent at most the social rent limit (143 WWS points).</summary>
    SocialRent,

    /// <summary>Middenhuur: 144-186 WWS points, rent at most the middle-rent limit.</summary>
    MiddleRent,

    /// <summary>Betaalbare koop: price (v.o.n.) at most the affordable purchase limit.</summary>
    AffordableOwnership,

    /// <summary>Vrije sector huur.</summary>
    FreeRent,

    /// <summary>Vrije sector koop.</summary>
    FreeOwnership,
}

/// <summary>The two segments a municipality can lag in.</summary>
public enum LaggingSegment
{
    /// <summary>Sociale huur: stock share below the lagging threshold.</summary>
    Social,

    /// <summary>Middensegment (middenhuur + betaalbare koop): stock share at or above the threshold.</summary>
    Middle,
}

/// <summary>Segment groupings and Dutch names.</summary>
public static class Segments
{
    /// <summary>Affordable = social rent + middle rent + affordable ownership.</summary>
    public static bool IsAffordable(this Segment segment) => segment is Segment.SocialRent or Segment.MiddleRent or Segment.AffordableOwnership;

    /// <summary>Middle segment = middle rent + affordable ownership.</summary>
    public static bool IsMiddle(this Segment segment) => segment is Segment.MiddleRent or Segment.AffordableOwnership;

    public static string Dutch(this Segment segment) => segment switch
    {
        Segment.SocialRent => "sociale huur",
        Segment.MiddleRent => "middenhuur",
        Segment.AffordableOwnership => "betaalbare koop",
        Segment.FreeRent => "vrije sector huur",
        Segment.FreeOwnership => "vrije sector koop",
        _ => throw new ArgumentOutOfRangeException(nameof(segment)),
    };

    public static string Dutch(this LaggingSegment segment) => segment switch
    {
        LaggingSegment.Social => "sociale huur",
        LaggingSegment.Middle => "middensegment",
        _ => throw new ArgumentOutOfRangeException(nameof(segment)),
    };

    /// <summary>The scenario-file name: "social" or "middle".</summary>
    public static string Code(this LaggingSegment segment) => segment == LaggingSegment.Social ? "social" : "middle";
}
