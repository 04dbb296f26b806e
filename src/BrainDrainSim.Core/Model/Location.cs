namespace BrainDrainSim.Model;

/// <summary>Where a researcher is. Exited researchers (left the field or retired) are kept for accounting.</summary>
public enum Location : byte
{
    /// <summary>Working or studying at home.</summary>
    Home = 0,

    /// <summary>In the United States (behind the H-1B gate).</summary>
    AbroadUs = 1,

    /// <summary>Abroad elsewhere (the "other" destinations).</summary>
    AbroadOther = 2,

    /// <summary>Left the field or retired; no longer decides anything.</summary>
    Exited = 3,
}
