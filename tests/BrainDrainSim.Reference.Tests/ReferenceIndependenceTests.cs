using System.Reflection;
using System.Reflection.Emit;
using System.Text.RegularExpressions;
using BrainDrainSim.Model;
using BrainDrainSim.Reference.Tests.ReferenceModel;
using BrainDrainSim.Testing;

namespace BrainDrainSim.Reference.Tests;

/// <summary>
/// The reference model shares no code with the engine: its sources name nothing of the engine, and its compiled
/// code calls, reads and constructs nothing outside the scenario records (BrainDrainSim.Model), .NET and
/// MathNet's generator. Of the records it reads only properties and the calendar (YearMonth), never the
/// helpers the engine uses to interpret them (Lever.IsActive, CareerPay.For, the stage indexers).
/// </summary>
public class ReferenceIndependenceTests
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "tests", "BrainDrainSim.Reference.Tests", "ReferenceModel");

    /// <summary>Namespaces, types and words of the engine that must not appear in the reference's sources.</summary>
    private static readonly string[] Forbidden =
    [
        "BrainDrainSim.Engine", "BrainDrainSim.Randomness", "BrainDrainSim.MonteCarlo", "BrainDrainSim.Scenarios",
        "FastMath", "FastNormal", "Philox", "MonthStream", "StreamKey", "Purpose", "PolicySchedule", "MonthPolicy",
        "VisaGate", "Selection", "TieCandidates", "PopulationBuilder", "Population", "Simulation", "Events",
        "MetricCatalog", "MetricKind", "UncertaintySampler", "ScenarioPath", "ScenarioNames",
    ];

    [Fact]
    public void The_sources_name_nothing_of_the_engine()
    {
        var files = Directory.GetFiles(Folder, "*.cs");
        Assert.True(files.Length >= 5, "the reference model's sources were found");
        var hits = from file in files
                   // The scenario record's property (scenario.Population) is not the engine's Population type.
                   from line in File.ReadAllLines(file).Select((text, n) => (text: text.Replace(".Population", ".PopulationSpec"), n: n + 1))
                   from word in Forbidden
                   where Regex.IsMatch(line.text, $@"(?<![A-Za-z0-9_]){Regex.Escape(word)}(?![A-Za-z0-9_])")
                   select $"{Path.GetFileName(file)}:{line.n}: {word}";
        Assert.Empty(hits);
    }

    [Fact]
    public void The_compiled_reference_uses_only_the_records_dotnet_and_mathnet()
    {
        var types = typeof(ReferenceSimulation).Assembly.GetTypes().Where(t => t.Namespace == typeof(ReferenceSimulation).Namespace).ToArray();
        Assert.Contains(types, t => t.Name.StartsWith("<>c", StringComparison.Ordinal) || t.IsNested); // closures are scanned too
        var used = new HashSet<MemberInfo>();
        foreach (var type in types)
        {
            foreach (var f in type.GetFields(All)) used.Add(f.FieldType);
            foreach (var m in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
            {
                foreach (var p in m.GetParameters()) used.Add(p.ParameterType);
                if (m is MethodInfo mi) used.Add(mi.ReturnType);
                foreach (var member in MembersUsedBy(m)) used.Add(member);
            }
        }
        var problems = used.SelectMany(Expand).Distinct().Where(m => Problem(m) is not null).Select(m => Problem(m)!).Distinct().Order().ToList();
        Assert.Empty(problems);
        // The scan sees what it should: the generator, a record property, the calendar.
        Assert.Contains(used.SelectMany(Expand), m => m.DeclaringType?.Name == "Xoshiro256StarStar" || m.Name == "Xoshiro256StarStar");
        Assert.Contains(used.SelectMany(Expand), m => m is MethodInfo { Name: "get_LambdaOut" });
    }

    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>Why a used member is not allowed, or null.</summary>
    private static string? Problem(MemberInfo m)
    {
        var type = m as Type ?? m.DeclaringType;
        if (type is null) return null;
        string ns = type.Namespace ?? "";
        if (ns == typeof(ReferenceSimulation).Namespace) return null;
        if (ns.StartsWith("System", StringComparison.Ordinal) || ns.StartsWith("MathNet.Numerics.Random", StringComparison.Ordinal)
            || ns.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) || ns.Length == 0) return null;
        if (ns is "BrainDrainSim.Model" or "BrainDrainSim.Model.Levers")
        {
            // Records are read, not interpreted: properties, construction, the calendar, and the sector lookup by name.
            if (m is Type || type.Name == "YearMonth" || m is ConstructorInfo) return null;
            if (m is MethodInfo { Name: var name } && name.StartsWith("get_", StringComparison.Ordinal) && name is not ("get_Item" or "get_Sum")) return null;
            if (m is MethodInfo { Name: "SectorIndex" or "<Clone>$" or "Equals" or "op_Equality" or "op_Inequality" or "GetHashCode" }) return null;
            return $"{type.FullName}.{m.Name} (a helper of the records, which the engine uses to interpret them)";
        }
        return $"{type.FullName}.{m.Name} (namespace {ns})";
    }

    /// <summary>A member and the types it mentions (declaring type, generic arguments, element types).</summary>
    private static IEnumerable<MemberInfo> Expand(MemberInfo m)
    {
        yield return m;
        if (m is Type t)
        {
            if (t.HasElementType) foreach (var x in Expand(t.GetElementType()!)) yield return x;
            if (t.IsGenericType && !t.IsGenericTypeDefinition) foreach (var a in t.GetGenericArguments()) foreach (var x in Expand(a)) yield return x;
        }
        if (m is MethodInfo { IsGenericMethod: true, IsGenericMethodDefinition: false } gm)
            foreach (var a in gm.GetGenericArguments()) foreach (var x in Expand(a)) yield return x;
        if (m.DeclaringType is { } d) foreach (var x in Expand(d)) yield return x;
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>Every field, method, constructor and type a method's IL refers to (a plain walk of its opcodes).</summary>
    private static IEnumerable<MemberInfo> MembersUsedBy(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null) yield break;
        var typeArgs = method.DeclaringType!.IsGenericType ? method.DeclaringType.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (int at = 0; at < il.Length;)
        {
            short value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
            at += il[at] == 0xFE ? 2 : 1;
            var op = OpCodesByValue[value];
            switch (op.OperandType)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineType or OperandType.InlineTok:
                    yield return method.Module.ResolveMember(BitConverter.ToInt32(il, at), typeArgs, methodArgs)!;
                    at += 4;
                    break;
                case OperandType.InlineNone: break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar: at += 1; break;
                case OperandType.InlineVar: at += 2; break;
                case OperandType.InlineI8 or OperandType.InlineR: at += 8; break;
                case OperandType.InlineSwitch: at += 4 + 4 * BitConverter.ToInt32(il, at); break;
                default: at += 4; break;
            }
        }
    }
}
