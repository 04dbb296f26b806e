using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using BrainDrainSim.Model;

namespace BrainDrainSim.Calibration.Smc;

/// <summary>
/// An <see cref="AbcSmcState"/> as JSON text, exact: every double is written in its shortest round-trip form
/// (.NET's default, which parses back to the same bits), and the three values JSON has no number for as the
/// strings "Infinity", "-Infinity" and "NaN" (a NaN's payload bits are not kept). The configuration is stored with
/// its <see cref="Fingerprint"/>, a SHA-256 of its canonical text, so resuming with another configuration is
/// refused with the settings that differ.
/// </summary>
public static class AbcCheckpoint
{
    /// <summary>The format's name and version, the file's first key.</summary>
    public const string Format = "braindrain-abc-smc/1";

    private static readonly JsonWriterOptions Indented = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The configuration's fingerprint: the SHA-256, in hexadecimal, of its canonical compact JSON (every setting,
    /// the model's description and each prior parameter's name, distribution and bounds; not a bound's
    /// explanation, which changes no number). <see cref="AbcSmcConfiguration.FinalAcceptance"/> is in it only when
    /// it is not the default, so a configuration that leaves it has the fingerprint it had before the setting existed.
    /// </summary>
    public static string Fingerprint(AbcSmcConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ConfigurationJson(configuration))));
    }

    /// <summary>The state as JSON text (ending in a newline).</summary>
    public static string Write(AbcSmcState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Indented))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteString("fingerprint", Fingerprint(state.Configuration));
            w.WritePropertyName("configuration");
            WriteConfiguration(w, state.Configuration);
            w.WriteNumber("simulations", state.Simulations);
            w.WriteNumber("attempts", state.Attempts);
            w.WritePropertyName("stop");
            if (state.Stop is { } stop)
            {
                w.WriteStartObject();
                w.WriteString("reason", ScenarioNames.EnumKey(stop.Reason));
                w.WriteString("detail", stop.Detail);
                w.WriteEndObject();
            }
            else w.WriteNullValue();
            w.WriteStartArray("history");
            foreach (var h in state.History)
            {
                w.WriteStartObject();
                w.WriteNumber("generation", h.Generation);
                WriteDouble(w, "tolerance", h.Tolerance);
                w.WriteNumber("simulations", h.Simulations);
                w.WriteNumber("attempts", h.Attempts);
                WriteDouble(w, "acceptance_rate", h.AcceptanceRate);
                WriteDouble(w, "effective_sample_size", h.EffectiveSampleSize);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WritePropertyName("population");
            if (state.Population is { } population) WritePopulation(w, population);
            else w.WriteNullValue();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>
    /// The state a checkpoint holds, with the configuration it was made with. Throws
    /// <see cref="InvalidDataException"/> when the text is not a checkpoint of this format, or its configuration
    /// no longer matches its fingerprint (the file was edited or damaged).
    /// </summary>
    public static AbcSmcState Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            string format = root.GetProperty("format").GetString() ?? "";
            if (format != Format) throw new InvalidDataException($"the file is a checkpoint of format '{format}', not '{Format}'");
            var configuration = ReadConfiguration(root.GetProperty("configuration"));
            string stored = root.GetProperty("fingerprint").GetString() ?? "";
            if (stored != Fingerprint(configuration))
                throw new InvalidDataException("the checkpoint's configuration does not match its fingerprint: the file was edited or damaged");
            var stopElement = root.GetProperty("stop");
            AbcStop? stop = stopElement.ValueKind == JsonValueKind.Null ? null
                : new AbcStop(ParseEnum<AbcStopReason>(stopElement.GetProperty("reason")), stopElement.GetProperty("detail").GetString() ?? "");
            var history = root.GetProperty("history").EnumerateArray().Select(h => new AbcGenerationStats(
                h.GetProperty("generation").GetInt32(), ReadDouble(h.GetProperty("tolerance")), h.GetProperty("simulations").GetInt64(),
                h.GetProperty("attempts").GetInt64(), ReadDouble(h.GetProperty("acceptance_rate")),
                ReadDouble(h.GetProperty("effective_sample_size")))).ToArray();
            var populationElement = root.GetProperty("population");
            var population = populationElement.ValueKind == JsonValueKind.Null ? null : ReadPopulation(populationElement);
            return new AbcSmcState(configuration, population, history, root.GetProperty("simulations").GetInt64(),
                root.GetProperty("attempts").GetInt64(), stop);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new InvalidDataException($"the checkpoint cannot be read: {e.Message}", e);
        }
    }

    /// <summary>
    /// The state a checkpoint holds, to be continued under <paramref name="expected"/>. Throws
    /// <see cref="CheckpointMismatchException"/> naming each setting that differs when the checkpoint was made
    /// with another configuration, and <see cref="InvalidDataException"/> as <see cref="Read(string)"/>.
    /// </summary>
    public static AbcSmcState Read(string text, AbcSmcConfiguration expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var state = Read(text);
        if (Fingerprint(state.Configuration) == Fingerprint(expected)) return state;
        throw new CheckpointMismatchException(
            $"the checkpoint was made with another configuration, so it cannot be resumed with this one ({Differences(state.Configuration, expected)}); " +
            "start a new run, or resume with the checkpoint's settings");
    }

    /// <summary>
    /// Writes the state to <paramref name="path"/> through a temporary file beside it, moved over the old one, so an
    /// interruption while writing leaves the previous checkpoint whole.
    /// </summary>
    public static void Save(AbcSmcState state, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text = Write(state);
        string temporary = path + ".partial";
        File.WriteAllText(temporary, text, new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The state in the checkpoint file at <paramref name="path"/>, checked against <paramref name="expected"/> as <see cref="Read(string, AbcSmcConfiguration)"/>.</summary>
    public static AbcSmcState Load(string path, AbcSmcConfiguration expected) => Read(File.ReadAllText(path, Encoding.UTF8), expected);

    private static string ConfigurationJson(AbcSmcConfiguration c, bool everySetting = false)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Compact)) WriteConfiguration(w, c, everySetting);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    // A setting added later is written only when it is not its default (or everySetting, to compare two
    // configurations key by key), so the text, and with it the fingerprint, of a configuration without it is unchanged.
    private static void WriteConfiguration(Utf8JsonWriter w, AbcSmcConfiguration c, bool everySetting = false)
    {
        w.WriteStartObject();
        w.WriteNumber("seed", c.Seed);
        w.WriteNumber("particles", c.Particles);
        WriteDouble(w, "tolerance_quantile", c.ToleranceQuantile);
        WriteDouble(w, "minimum_tolerance", c.MinimumTolerance);
        WriteDouble(w, "acceptance_floor", c.AcceptanceFloor);
        w.WriteNumber("simulation_budget", c.SimulationBudget);
        w.WriteNumber("max_generations", c.MaxGenerations);
        WriteDouble(w, "kernel_scale", c.KernelScale);
        if (everySetting || c.FinalAcceptance != AbcFinalAcceptance.Uniform) w.WriteString("final_acceptance", ScenarioNames.EnumKey(c.FinalAcceptance));
        w.WriteString("model", c.Model);
        w.WriteStartArray("prior");
        foreach (var p in c.Prior.Parameters)
        {
            w.WriteStartObject();
            w.WriteString("name", p.Name);
            w.WriteString("dist", ScenarioNames.EnumKey(p.Distribution.Dist!.Value));
            foreach (var (key, value) in PriorParameter.SetValues(p.Distribution)) WriteDouble(w, key, value);
            if (p.Bounds is { } b)
            {
                w.WriteStartObject("bounds");
                WriteDouble(w, "min", b.Min);
                WriteDouble(w, "max", b.Max);
                w.WriteBoolean("min_exclusive", b.MinExclusive);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static AbcSmcConfiguration ReadConfiguration(JsonElement e)
    {
        var prior = new AbcPrior(e.GetProperty("prior").EnumerateArray().Select(p =>
        {
            var kind = ParseEnum<DistributionKind>(p.GetProperty("dist"));
            double? V(string key) => p.TryGetProperty(key, out var v) ? ReadDouble(v) : null;
            var spec = new DistributionSpec
            {
                Dist = kind,
                Mean = V("mean"), Sd = V("sd"), Mu = V("mu"), Sigma = V("sigma"), Min = V("min"), Max = V("max"), Mode = V("mode"),
                Alpha = V("alpha"), Beta = V("beta"), Shape = V("shape"), Rate = V("rate"),
            };
            BoundsAttribute? bounds = null;
            if (p.TryGetProperty("bounds", out var b))
            {
                bounds = new BoundsAttribute(ReadDouble(b.GetProperty("min")), ReadDouble(b.GetProperty("max")))
                {
                    MinExclusive = b.GetProperty("min_exclusive").GetBoolean(),
                };
            }
            return new PriorParameter(p.GetProperty("name").GetString() ?? "", spec, bounds);
        }));
        return new AbcSmcConfiguration
        {
            Prior = prior,
            Seed = e.GetProperty("seed").GetUInt64(),
            Particles = e.GetProperty("particles").GetInt32(),
            ToleranceQuantile = ReadDouble(e.GetProperty("tolerance_quantile")),
            MinimumTolerance = ReadDouble(e.GetProperty("minimum_tolerance")),
            AcceptanceFloor = ReadDouble(e.GetProperty("acceptance_floor")),
            SimulationBudget = e.GetProperty("simulation_budget").GetInt64(),
            MaxGenerations = e.GetProperty("max_generations").GetInt32(),
            KernelScale = ReadDouble(e.GetProperty("kernel_scale")),
            FinalAcceptance = e.TryGetProperty("final_acceptance", out var acceptance) ? ParseEnum<AbcFinalAcceptance>(acceptance) : AbcFinalAcceptance.Uniform,
            Model = e.GetProperty("model").GetString() ?? "",
        };
    }

    private static void WritePopulation(Utf8JsonWriter w, AbcPopulation population)
    {
        w.WriteStartObject();
        w.WriteNumber("generation", population.Generation);
        WriteDouble(w, "tolerance", population.Tolerance);
        w.WriteStartArray("particles");
        foreach (var p in population.Particles)
        {
            w.WriteStartObject();
            WriteDoubles(w, "theta", p.Theta);
            WriteDouble(w, "weight", p.Weight);
            WriteDouble(w, "distance", p.Distance);
            WriteDoubles(w, "summaries", p.Summaries);
            w.WriteNumber("simulation_seed", p.SimulationSeed);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static AbcPopulation ReadPopulation(JsonElement e) => new(
        e.GetProperty("generation").GetInt32(),
        ReadDouble(e.GetProperty("tolerance")),
        e.GetProperty("particles").EnumerateArray().Select(p => new AbcParticle(
            ReadDoubles(p.GetProperty("theta")), ReadDouble(p.GetProperty("weight")), ReadDouble(p.GetProperty("distance")),
            ReadDoubles(p.GetProperty("summaries")), p.GetProperty("simulation_seed").GetUInt64())).ToArray());

    private static void WriteDoubles(Utf8JsonWriter w, string name, IReadOnlyList<double> values)
    {
        w.WriteStartArray(name);
        foreach (double v in values)
        {
            if (double.IsFinite(v)) w.WriteNumberValue(v);
            else w.WriteStringValue(NonFinite(v));
        }
        w.WriteEndArray();
    }

    private static double[] ReadDoubles(JsonElement e) => e.EnumerateArray().Select(ReadDouble).ToArray();

    private static void WriteDouble(Utf8JsonWriter w, string name, double v)
    {
        if (double.IsFinite(v)) w.WriteNumber(name, v);
        else w.WriteString(name, NonFinite(v));
    }

    private static string NonFinite(double v) => double.IsNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";

    private static double ReadDouble(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.String => e.GetString() switch
        {
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            "NaN" => double.NaN,
            var s => throw new FormatException($"'{s}' is not a number"),
        },
        _ => throw new FormatException($"expected a number, not {e.ValueKind}"),
    };

    private static T ParseEnum<T>(JsonElement e) where T : struct, Enum
    {
        string text = e.GetString() ?? "";
        foreach (var value in Enum.GetValues<T>())
        {
            if (ScenarioNames.EnumKey(value) == text) return value;
        }
        throw new FormatException($"'{text}' is not one of {string.Join(", ", Enum.GetValues<T>().Select(ScenarioNames.EnumKey))}");
    }

    /// <summary>"particles 1000 in the checkpoint, 2000 now; ...": each top-level setting whose canonical text differs.</summary>
    private static string Differences(AbcSmcConfiguration stored, AbcSmcConfiguration expected)
    {
        using var a = JsonDocument.Parse(ConfigurationJson(stored, everySetting: true));
        using var b = JsonDocument.Parse(ConfigurationJson(expected, everySetting: true));
        var differences = new List<string>();
        foreach (var property in a.RootElement.EnumerateObject())
        {
            var other = b.RootElement.GetProperty(property.Name);
            if (property.Value.GetRawText() == other.GetRawText()) continue;
            if (property.Name == "prior")
            {
                var was = property.Value.EnumerateArray().Select(p => p.GetRawText()).ToArray();
                var now = other.EnumerateArray().Select(p => p.GetRawText()).ToArray();
                int at = 0;
                while (at < was.Length && at < now.Length && was[at] == now[at]) at++;
                differences.Add(was.Length != now.Length && at == Math.Min(was.Length, now.Length)
                    ? $"prior: {was.Length} parameters in the checkpoint, {now.Length} now"
                    : $"prior parameter {at + 1}: {was[at]} in the checkpoint, {now[at]} now");
            }
            else differences.Add($"{property.Name.Replace('_', ' ')}: {property.Value.GetRawText()} in the checkpoint, {other.GetRawText()} now");
        }
        return string.Join("; ", differences);
    }

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
