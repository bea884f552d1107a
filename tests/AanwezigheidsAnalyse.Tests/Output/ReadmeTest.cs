using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using AanwezigheidsAnalyse.Output;

namespace AanwezigheidsAnalyse.Tests.Output;

/// <summary>The README documents every dataset column (README, "Output"), by name or by the pattern it lists.</summary>
public sealed partial class ReadmeTest
{
    private static string Readme([CallerFilePath] string file = "") =>
        File.ReadAllText(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", "..", "README.md"));

    public static TheoryData<string> AllColumns()
    {
        var data = new TheoryData<string>();
        foreach (var name in Datasets.Pupils.Select(c => c.Name).Concat(Datasets.Signals.Select(c => c.Name)).Concat(Datasets.Weekly.Select(c => c.Name)).Distinct())
            data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllColumns))]
    public void Readme_DocumentsEveryDatasetColumn(string column)
    {
        var readme = Fences().Replace(Readme(), "");
        var documented = CodeSpans().Matches(readme).Select(m => m.Groups[1].Value).ToHashSet();
        var asPattern = Patterns.Any(p => Regex.IsMatch(column, p.Regex) && documented.Contains(p.Documented));
        Assert.True(documented.Contains(column) || asPattern, $"README does not document the column `{column}`");
    }

    private static readonly (string Regex, string Documented)[] Patterns =
    [
        ("^(scheduled_minutes|attended_minutes|scheduled_days)_(ytd|8w|4w)$", "scheduled_minutes_{w}"),
        ("^absence_rate_(ytd|8w|4w)$", "absence_rate_{w}"),
        ("^(sick|sent_home_sick|authorized_other|unauthorized|suspended|reduced_timetable)_rate_(ytd|8w|4w)$", "{category}_rate_{w}"),
        ("^(sick|sent_home_sick|authorized_other|unauthorized|suspended|reduced_timetable|late)_rate$", "{category}_rate"),
        ("^pupils_(zzv|mazl|lr|tz|lpw|prev|late|kpa)_[a-z0-9_]+$", "pupils_{criterion}"),
    ];

    [GeneratedRegex("`([^`\n]+)`")]
    private static partial Regex CodeSpans();

    [GeneratedRegex("```.*?```", RegexOptions.Singleline)]
    private static partial Regex Fences();
}
