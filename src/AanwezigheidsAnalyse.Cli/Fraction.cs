using System.Globalization;

namespace AanwezigheidsAnalyse.Cli;

/// <summary>A share as a user types it on the command line: 0.01, 0,01, ,5 or 1 %.</summary>
internal static class Fraction
{
    /// <summary>
    /// One decimal separator, a point or a comma; no thousands separator, exponent or words. A minus sign is read, so
    /// that the range check says what is wrong with it.
    /// </summary>
    public static bool TryParse(string text, out double value)
    {
        value = 0;
        var number = text.Trim();
        var percent = number.EndsWith('%');
        if (percent)
            number = number[..^1].TrimEnd();
        var negative = number.StartsWith('-');
        if (negative)
            number = number[1..];
        if (number.Length == 0 || number.Count(c => c is '.' or ',') > 1 || !number.All(c => char.IsAsciiDigit(c) || c is '.' or ',')
            || !double.TryParse(number.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
            return false;
        value = (negative ? -value : value) / (percent ? 100 : 1);
        return true;
    }
}
