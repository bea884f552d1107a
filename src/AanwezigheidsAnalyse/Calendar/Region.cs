namespace AanwezigheidsAnalyse.Calendar;

/// <summary>The three holiday regions of the Rijksoverheid school-holiday table.</summary>
public enum Region
{
    /// <summary>Regio noord.</summary>
    Noord,

    /// <summary>Regio midden.</summary>
    Midden,

    /// <summary>Regio zuid.</summary>
    Zuid,
}

/// <summary>The regions' names as the Rijksoverheid table and the command line write them.</summary>
public static class RegionNames
{
    /// <summary><c>noord</c>, <c>midden</c> or <c>zuid</c>.</summary>
    public static string Name(this Region region) => region switch
    {
        Region.Noord => "noord",
        Region.Midden => "midden",
        _ => "zuid",
    };

    /// <summary>The region named <paramref name="text"/> (any case, spaces trimmed).</summary>
    public static bool TryParse(string? text, out Region region)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "noord": region = Region.Noord; return true;
            case "midden": region = Region.Midden; return true;
            case "zuid": region = Region.Zuid; return true;
            default: region = default; return false;
        }
    }
}
