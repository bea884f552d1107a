namespace AanwezigheidsAnalyse.Calendar;

/// <summary>The three holiday regions of the Rijksoverheid school-holiday table.</summary>
public enum Region
{
    Noord,
    Midden,
    Zuid,
}

public static class RegionNames
{
    public static string Name(this Region region) => region switch
    {
        Region.Noord => "noord",
        Region.Midden => "midden",
        _ => "zuid",
    };

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
