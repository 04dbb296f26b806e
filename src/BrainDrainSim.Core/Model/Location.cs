namespace BrainDrainSim.Model;

/// <summary>Where a researcher is. Exited researchers (left the field or retired) are kept for accounting.</summary>
public enum Location : byte { Home = 0, AbroadUs = 1, AbroadOther = 2, Exited = 3 }
