using System.Globalization;
using System.Text;

namespace AanwezigheidsAnalyse.Internals;

/// <summary>Folds header names and codes so that case, accents and spacing do not matter ("Geïnformeerd" = "geinformeerd").</summary>
internal static class Fold
{
    /// <summary>Lower case, accents removed, runs of whitespace as one space, trimmed.</summary>
    public static string Code(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }
            if (space)
                builder.Append(' ');
            space = false;
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    /// <summary>A header name as matched: letters and digits only, lower case, accents removed ("Leerling-nummer" = "leerlingnummer").</summary>
    public static string Header(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c))
                builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}
