using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml.Linq;

namespace AanwezigheidsAnalyse.Tests.Library;

/// <summary>
/// The library's public surface, pinned: a change to it shows up as a diff of Library/PublicApi.txt, to be made on
/// purpose (AANWEZIGHEID_UPDATE_GOLDEN=1 dotnet test, then review the diff). Everything public is documented.
/// </summary>
public sealed class PublicApiTest
{
    private static readonly Assembly Library = typeof(Analysis).Assembly;

    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Fact]
    public void PublicApi_IsThePinnedOne()
    {
        var actual = Describe();
        var path = Path.Combine(LayeringTest.RepositoryRoot(), "tests", "AanwezigheidsAnalyse.Tests", "Library", "PublicApi.txt");
        if (Environment.GetEnvironmentVariable("AANWEZIGHEID_UPDATE_GOLDEN") == "1")
            File.WriteAllText(path, actual);
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        var added = actual.Split('\n').Except(expected.Split('\n')).ToList();
        var removed = expected.Split('\n').Except(actual.Split('\n')).ToList();
        Assert.True(added.Count == 0 && removed.Count == 0,
            $"The public API changed. Added:\n  {string.Join("\n  ", added)}\nRemoved:\n  {string.Join("\n  ", removed)}\n" +
            "If that is intended, run AANWEZIGHEID_UPDATE_GOLDEN=1 dotnet test and review the diff of PublicApi.txt.");
    }

    [Fact]
    public void EveryPublicMember_HasItsXmlDoc()
    {
        var xml = Path.ChangeExtension(Library.Location, ".xml");
        var documented = XDocument.Load(xml).Descendants("member").Select(m => (string)m.Attribute("name")!).ToList();
        bool Has(string prefix) => documented.Any(name => name == prefix || name.StartsWith(prefix + "(", StringComparison.Ordinal) || name.StartsWith(prefix + "``", StringComparison.Ordinal));
        var missing = new List<string>();
        foreach (var type in PublicTypes())
        {
            var id = type.FullName!.Replace('+', '.');
            if (!Has("T:" + id))
                missing.Add("T:" + id);
            foreach (var member in Members(type))
            {
                var name = member switch
                {
                    ConstructorInfo => "#ctor",
                    _ => member.Name,
                };
                var prefix = member switch
                {
                    ConstructorInfo or MethodInfo => "M:",
                    PropertyInfo => "P:",
                    FieldInfo => "F:",
                    _ => "E:",
                };
                // Parameterless constructors the compiler made (a record or class without one declared) have nothing to document.
                if (member is ConstructorInfo { } ctor && ctor.GetParameters().Length == 0)
                    continue;
                if (!Has($"{prefix}{id}.{name}"))
                    missing.Add($"{prefix}{id}.{name}");
            }
        }
        Assert.True(missing.Count == 0, "Public members without XML docs:\n" + string.Join("\n", missing.Distinct()));
    }

    private static IEnumerable<Type> PublicTypes() =>
        Library.GetExportedTypes().Where(t => !t.IsDefined(typeof(CompilerGeneratedAttribute))).OrderBy(t => t.FullName, StringComparer.Ordinal);

    /// <summary>A type's own public members, without what the compiler makes for records and properties.</summary>
    private static IEnumerable<MemberInfo> Members(Type type) =>
        type.GetMembers(Declared)
            .Where(m => m is not MethodInfo { IsSpecialName: true } || m.Name.StartsWith("op_", StringComparison.Ordinal))
            .Where(m => !m.IsDefined(typeof(CompilerGeneratedAttribute)) && !m.Name.StartsWith('<') && m.Name != "value__")
            .Where(m => m is not MethodInfo method || !method.GetBaseDefinition().DeclaringType!.IsInterface || method.DeclaringType == type)
            .Where(m => m is not Type);

    private static string Describe()
    {
        var text = new StringBuilder();
        foreach (var type in PublicTypes())
        {
            var kind = type.IsEnum ? "enum" : type.IsInterface ? "interface" : type.IsValueType ? "struct" : type.IsAbstract && type.IsSealed ? "static class" : "class";
            var bases = new[] { type.IsValueType || type.IsEnum || type.BaseType == typeof(object) ? null : type.BaseType }
                .Concat(type.GetInterfaces().Where(i => i.IsPublic || i.IsNestedPublic))
                .Where(b => b is not null).Select(b => Name(b!)).Order(StringComparer.Ordinal).ToList();
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{kind} {type.FullName!.Replace('+', '.')}{(bases.Count > 0 ? " : " + string.Join(", ", bases) : "")}\n");
            foreach (var line in Members(type).Select(Signature).Order(StringComparer.Ordinal))
                text.Append("  ").Append(line).Append('\n');
        }
        return text.ToString();
    }

    private static string Signature(MemberInfo member) => member switch
    {
        ConstructorInfo c => $"ctor({Parameters(c)})",
        MethodInfo m => $"{(m.IsStatic ? "static " : "")}{Name(m.ReturnType)} {m.Name}{(m.IsGenericMethod ? $"<{string.Join(", ", m.GetGenericArguments().Select(Name))}>" : "")}({Parameters(m)})",
        PropertyInfo p => $"{(p.GetMethod?.IsStatic == true ? "static " : "")}{Name(p.PropertyType)} {p.Name} {{ {(p.GetMethod?.IsPublic == true ? "get; " : "")}{(p.SetMethod?.IsPublic == true ? (p.SetMethod.ReturnParameter.GetRequiredCustomModifiers().Any(t => t.Name == "IsExternalInit") ? "init; " : "set; ") : "")}}}",
        FieldInfo f => f.IsLiteral ? $"{f.Name} = {f.GetRawConstantValue()}" : $"{(f.IsStatic ? "static " : "")}{(f.IsInitOnly ? "readonly " : "")}{Name(f.FieldType)} {f.Name}",
        EventInfo e => $"event {Name(e.EventHandlerType!)} {e.Name}",
        _ => member.Name,
    };

    private static string Parameters(MethodBase method) =>
        string.Join(", ", method.GetParameters().Select(p => $"{(p.ParameterType.IsByRef ? (p.IsOut ? "out " : p.IsIn ? "in " : "ref ") : "")}{Name(p.ParameterType.IsByRef ? p.ParameterType.GetElementType()! : p.ParameterType)} {p.Name}{(p.HasDefaultValue ? " = " + (p.DefaultValue ?? "null") : "")}"));

    private static string Name(Type type)
    {
        if (type.IsArray)
            return Name(type.GetElementType()!) + "[]";
        if (Nullable.GetUnderlyingType(type) is { } underlying)
            return Name(underlying) + "?";
        if (type.IsGenericParameter)
            return type.Name;
        var name = type.IsNested ? $"{Name(type.DeclaringType!)}.{type.Name}" : type.Name;
        if (type.IsGenericType)
            name = name[..name.IndexOf('`')] + "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">";
        return name;
    }
}
