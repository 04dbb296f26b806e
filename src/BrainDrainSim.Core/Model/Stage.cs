namespace BrainDrainSim.Model;

/// <summary>Career stage. Students are graduate students; seniors do not advance further.</summary>
public enum Stage : byte
{
    /// <summary>A graduate student (master's or PhD).</summary>
    Student = 0,

    /// <summary>Early career.</summary>
    Early = 1,

    /// <summary>Mid career.</summary>
    Mid = 2,

    /// <summary>Senior; the last stage.</summary>
    Senior = 3,
}
