using System.Reflection;
using System.Text.Json.Serialization;
using AanwezigheidsAnalyse.Ingestion;
using AanwezigheidsAnalyse.Rules;

namespace AanwezigheidsAnalyse.Tests.Rules;

/// <summary>
/// Each criterion is whole in one place: an id with a stable code, a class with that id, its label and owner, and
/// policy settings under that code. And the stable codes outputs write do not depend on C# member names.
/// </summary>
public sealed class CriterionCatalogueTest
{
    [Fact]
    public void EveryCriterionId_HasACodeAClassALabelAndPolicySettings()
    {
        var engine = new RulesEngine(Policy.Default);
        var settings = typeof(CriteriaSettings).GetProperties()
            .Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name)
            .ToHashSet();
        foreach (var id in CriterionIds.All)
        {
            var code = id.Code();
            Assert.True(CriterionIds.TryParse(code, out var back) && back == id, code);
            Assert.Equal(id, engine.Criterion(id).Id);
            Assert.False(string.IsNullOrWhiteSpace(id.Label().Dutch));
            Assert.False(string.IsNullOrWhiteSpace(id.Label().English));
            Assert.NotEqual(id.Label().Dutch, id.Label().English);
            Assert.Contains(code, settings);
        }
        Assert.Equal(CriterionIds.All.Count, CriterionIds.All.Select(id => id.Code()).Distinct().Count());
        Assert.Equal(CriterionIds.All.Count, settings.Count);
    }

    [Fact]
    public void ReasonCodes_AreTheKeysRunJsonWrites()
    {
        static string Key<T>(T reason)
            where T : struct, Enum =>
            System.Text.Json.JsonSerializer.Serialize(new Dictionary<T, int> { [reason] = 1 }, Internals.Json.Options).Split('"')[1];
        foreach (var reason in Enum.GetValues<IgnoreReason>())
            Assert.Equal(Key(reason), reason.Code());
        foreach (var reason in Enum.GetValues<RejectReason>())
            Assert.Equal(Key(reason), reason.Code());
    }
}
