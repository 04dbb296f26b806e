namespace BrainDrainSim.Model;

/// <summary>Career stage. Students are graduate students; seniors do not advance further.</summary>
public enum Stage : byte { Student = 0, Early = 1, Mid = 2, Senior = 3 }
