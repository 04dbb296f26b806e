using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using BrainDrainSim.Model;
using BrainDrainSim.Model.Levers;
using BrainDrainSim.Model.Shape;

namespace BrainDrainSim.Reporting;

/// <summary>
/// Writes a resolved <see cref="Scenario"/> as JSON with the same snake_case keys as the YAML files
/// (through <see cref="ScenarioShape"/>), so a reader of the manifest sees exactly which values a run
/// used after <c>extends:</c> and overrides. Reflection rather than System.Text.Json's serializer, because the
/// key names, lever types, months and the uncertainty map must follow the scenario format, not .NET's shapes.
/// </summary>
public static class ScenarioJson
{
    private static readonly MethodInfo EnumKeyMethod = typeof(ScenarioNames).GetMethod(nameof(ScenarioNames.EnumKey))!;

    public static void Write(Utf8JsonWriter writer, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(scenario);
        WriteValue(writer, scenario, "");
    }

    public static string ToJson(Scenario scenario)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, JsonText.WriterOptions)) Write(writer, scenario);
        return Csv.Utf8NoBom.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteValue(Utf8JsonWriter w, object? value, string path)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); return;
            case string s: w.WriteStringValue(s); return;
            case bool b: w.WriteBooleanValue(b); return;
            case int i: w.WriteNumberValue(i); return;
            case long l: w.WriteNumberValue(l); return;
            case double d: WriteDouble(w, d, path); return;
            case float f: WriteDouble(w, f, path); return;
            case YearMonth ym: w.WriteStringValue(ym.ToString()); return;
            case Enum e: w.WriteStringValue(EnumKey(e)); return;
            case UncertainParameter[] uncertainty: WriteUncertainty(w, uncertainty, null, path); return;
        }

        var type = value.GetType();
        if (DictionaryEntries(value) is { } entries)
        {
            w.WriteStartObject();
            foreach (var (key, item) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                w.WritePropertyName(key);
                WriteValue(w, item, $"{path}.{key}");
            }
            w.WriteEndObject();
            return;
        }
        if (value is IEnumerable list)
        {
            w.WriteStartArray();
            int i = 0;
            foreach (var item in list) WriteValue(w, item, $"{path}[{i++}]");
            w.WriteEndArray();
            return;
        }
        if (type.IsPrimitive || type == typeof(decimal))
            throw new NotSupportedException($"scenario value at '{path}' has type {type.Name}, which the manifest cannot write");

        w.WriteStartObject();
        // A lever's kind is a computed property (not a key), but the YAML names it first: write it the same way.
        if (value is Lever lever) w.WriteString("type", lever.Type);
        // Base-record keys (a lever's at, until, label) come first, so every lever reads alike.
        foreach (var key in ScenarioShape.KeysOf(type))
        {
            var child = key.Get(value);
            // Unset optional values are left out, as in the YAML: absent and null mean the same to the loader.
            if (child is null) continue;
            w.WritePropertyName(key.Name);
            string childPath = path.Length == 0 ? key.Name : $"{path}.{key.Name}";
            // The posterior is a reserved key of the uncertainty block, as in the YAML.
            if (value is Scenario { Posterior: { } posterior } && child is UncertainParameter[] drawn) WriteUncertainty(w, drawn, posterior, childPath);
            else WriteValue(w, child, childPath);
        }
        w.WriteEndObject();
    }

    /// <summary>
    /// As in the YAML: an object from path to distribution, each with only the parameters it sets, and the posterior
    /// as its file (its bytes are in the input hash) with how many rows and which paths it holds.
    /// </summary>
    private static void WriteUncertainty(Utf8JsonWriter w, UncertainParameter[] uncertainty, PosteriorSample? posterior, string path)
    {
        w.WriteStartObject();
        if (posterior is not null)
        {
            w.WriteStartObject(PosteriorSample.Key);
            w.WriteString(PosteriorSample.FileKey, posterior.Source);
            w.WriteNumber("rows", posterior.Rows.Count);
            w.WriteStartArray("paths");
            foreach (var p in posterior.Paths) w.WriteStringValue(p);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        foreach (var u in uncertainty.OrderBy(u => u.Path, StringComparer.Ordinal))
        {
            w.WritePropertyName(u.Path);
            WriteValue(w, u.Distribution, $"{path}.{u.Path}");
        }
        w.WriteEndObject();
    }

    private static void WriteDouble(Utf8JsonWriter w, double d, string path)
    {
        // JSON has no NaN or infinity; a validated scenario has none either, so one here is a bug upstream.
        if (!double.IsFinite(d))
            throw new ArgumentException($"scenario value at '{path}' is {d.ToString(CultureInfo.InvariantCulture)}, which JSON cannot hold");
        w.WriteNumberValue(d);
    }

    private static string EnumKey(Enum e) => (string)EnumKeyMethod.MakeGenericMethod(e.GetType()).Invoke(null, [e])!;

    /// <summary>The entries of a string-keyed dictionary of any value type, or null if the value is not one.</summary>
    private static List<(string Key, object? Value)>? DictionaryEntries(object value)
    {
        var dictType = value.GetType().GetInterfaces()
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) && i.GetGenericArguments()[0] == typeof(string));
        if (dictType is null) return null;
        var pairType = typeof(KeyValuePair<,>).MakeGenericType(dictType.GetGenericArguments());
        var keyProp = pairType.GetProperty("Key")!;
        var valueProp = pairType.GetProperty("Value")!;
        var entries = new List<(string, object?)>();
        foreach (var pair in (IEnumerable)value)
            entries.Add(((string)keyProp.GetValue(pair)!, valueProp.GetValue(pair)));
        return entries;
    }
}
