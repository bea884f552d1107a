using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace AanwezigheidsAnalyse.Tests.Library;

/// <summary>
/// The library's folders are layers, listed in <see cref="Layers"/> from the bottom up: code in a layer uses only the
/// layers below it, so dependencies follow the pipeline (ingest → ledger → rules → tiers → outputs) and none backs up.
/// Checked on the compiled code, not the text: every type the IL of a layer references, through signatures, fields,
/// base types and method bodies (lambdas and iterators included), must come from its own layer or one below.
/// </summary>
public sealed partial class LayeringTest
{
    /// <summary>
    /// The layers, bottom first. The day ledger sits below ingestion because ingestion writes into it (data flows
    /// from ingestion into the ledger; the ledger knows nothing of files). The root namespace is the front door on top.
    /// </summary>
    internal static readonly string[] Layers =
    [
        "Localization", "Internals", "Calendar", "Ledger", "Ingestion", "Rules", "Tiering", "Output", "Synthetic", "Taskforce", "Research", "",
    ];

    private const string Root = "AanwezigheidsAnalyse";

    private static readonly Assembly Library = typeof(Analysis).Assembly;

    private static int LayerOf(Type type)
    {
        var ns = type.Namespace ?? "";
        if (ns == Root)
            return Layers.Length - 1;
        if (!ns.StartsWith(Root + ".", StringComparison.Ordinal))
            return -1; // not ours (or <PrivateImplementationDetails>)
        var folder = ns[(Root.Length + 1)..].Split('.')[0];
        var layer = Array.IndexOf(Layers, folder);
        Assert.True(layer >= 0, $"namespace {ns} is no layer; add its folder to LayeringTest.Layers");
        return layer;
    }

    [Fact]
    public void EveryType_UsesOnlyItsOwnLayerAndTheLayersBelow()
    {
        var violations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in Library.GetTypes())
        {
            var layer = LayerOf(type);
            if (layer < 0)
                continue;
            foreach (var used in References(type))
            {
                var usedLayer = LayerOf(used);
                if (usedLayer > layer)
                    violations.Add($"{Owner(type).FullName} ({Layers[layer]}) uses {used.FullName} ({LayerName(usedLayer)})");
            }
        }
        Assert.True(violations.Count == 0, "Dependencies that back up the pipeline:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void EverySourceFile_DeclaresTheNamespaceOfItsFolder()
    {
        var source = Path.Combine(RepositoryRoot(), "src", "AanwezigheidsAnalyse");
        var wrong = new List<string>();
        foreach (var file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith("obj", StringComparison.Ordinal) || relative.StartsWith("bin", StringComparison.Ordinal))
                continue;
            var folders = Path.GetDirectoryName(relative)!.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
            var expected = string.Join('.', new[] { Root }.Concat(folders));
            var declared = NamespaceDeclaration().Match(File.ReadAllText(file)).Groups[1].Value;
            if (declared != expected)
                wrong.Add($"{relative}: namespace {declared}, folder says {expected}");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    /// <summary>The layering test sees a violation that is planted: a method body that uses a later layer.</summary>
    [Fact]
    public void References_SeeTypesUsedInMethodBodiesOnly()
    {
        var used = References(typeof(Planted)).ToList();
        Assert.Contains(typeof(Analysis), used);
        Assert.Contains(typeof(global::AanwezigheidsAnalyse.Tiering.Evaluation), used);
    }

    private sealed class Planted
    {
        public static object Body() => (typeof(Analysis), new Func<global::AanwezigheidsAnalyse.Tiering.Evaluation?>(() => null));
    }

    private static string LayerName(int layer) => Layers[layer] is "" ? "the root namespace" : Layers[layer];

    /// <summary>A nested or compiler-made type (a closure, an iterator) belongs to its outermost declaring type.</summary>
    private static Type Owner(Type type)
    {
        while (type.DeclaringType is { } outer)
            type = outer;
        return type;
    }

    /// <summary>Every type <paramref name="type"/> refers to in its declaration and in the IL of its members.</summary>
    internal static IEnumerable<Type> References(Type type)
    {
        var found = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null)
                return;
            if (t.HasElementType)
            {
                Add(t.GetElementType());
                return;
            }
            if (t.IsGenericParameter || !found.Add(t))
                return;
            if (t.IsGenericType)
            {
                foreach (var argument in t.GetGenericArguments())
                    Add(argument);
            }
        }

        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        Add(type.BaseType);
        foreach (var i in type.GetInterfaces())
            Add(i);
        foreach (var field in type.GetFields(all))
            Add(field.FieldType);
        foreach (var property in type.GetProperties(all))
            Add(property.PropertyType);
        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (method is MethodInfo info)
                Add(info.ReturnType);
            foreach (var parameter in method.GetParameters())
                Add(parameter.ParameterType);
            foreach (var local in method.GetMethodBody()?.LocalVariables ?? [])
                Add(local.LocalType);
            foreach (var member in MembersInBody(method))
            {
                switch (member)
                {
                    case Type t:
                        Add(t);
                        break;
                    case MethodBase m:
                        Add(m.DeclaringType);
                        if (m is MethodInfo mi)
                        {
                            Add(mi.ReturnType);
                            foreach (var argument in mi.IsGenericMethod ? mi.GetGenericArguments() : [])
                                Add(argument);
                        }
                        foreach (var parameter in m.GetParameters())
                            Add(parameter.ParameterType);
                        break;
                    case FieldInfo f:
                        Add(f.DeclaringType);
                        Add(f.FieldType);
                        break;
                }
            }
        }
        return found;
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The types, methods and fields the IL of <paramref name="method"/> names by token.</summary>
    private static IEnumerable<MemberInfo> MembersInBody(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
            yield break;
        var typeArguments = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            var value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var opcode = OpCodesByValue[value];
            switch (opcode.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, i);
                    MemberInfo? member = null;
                    try
                    {
                        member = method.Module.ResolveMember(token, typeArguments, methodArguments);
                    }
                    catch (ArgumentException)
                    {
                        // A token in a generic context the reflection API cannot resolve: its declaration is checked above.
                    }
                    if (member is not null)
                        yield return member;
                    i += 4;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + 4 * BitConverter.ToInt32(il, i);
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    i += 8;
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    i += 1;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                default:
                    i += 4;
                    break;
            }
        }
    }

    internal static string RepositoryRoot([CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", ".."));

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();
}
