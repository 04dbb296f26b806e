using System.Runtime.CompilerServices;
using BrainDrainSim.Randomness;

namespace BrainDrainSim.Calibration.Smc;

/// <summary>
/// The draws of one proposal (a particle's attempt in a generation): Philox4x32-10 under a key that is the
/// attempt's own draw seed, so every draw is a pure function of (master seed, generation, particle, attempt, index)
/// and no thread's order can change it. Uniforms have 52 random bits: the index of a resampled particle and the
/// normal deviates of the kernel (by the inverse CDF) need finer steps than 2^-32 in their tails.
/// </summary>
internal readonly struct AbcStream
{
    /// <summary>The fourth counter word, so these draws share no block with any other use of Philox under the key.</summary>
    private const uint PerturbationUse = 0xABC5_0001;

    /// <summary>The fourth counter word of the acceptance uniform, so it shares no block with the proposal's draws.</summary>
    private const uint AcceptanceUse = 0xABC5_0002;

    private readonly uint k0, k1;

    internal AbcStream(ulong drawSeed)
    {
        k0 = (uint)drawSeed;
        k1 = (uint)(drawSeed >> 32);
    }

    /// <summary>Uniforms 2 block and 2 block + 1 of the attempt, in (0, 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Uniforms(uint block, out double u0, out double u1)
    {
        uint c0 = block, c1 = 0, c2 = 0, c3 = PerturbationUse;
        Philox4x32.Hash(ref c0, ref c1, ref c2, ref c3, k0, k1);
        u0 = Unit(c0, c1);
        u1 = Unit(c2, c3);
    }

    /// <summary>
    /// The attempt's acceptance uniform, in (0, 1), for <see cref="AbcFinalAcceptance.ObservationError"/>: a block
    /// of its own, so it is independent of the proposal's draws, whichever way the proposal was made.
    /// </summary>
    internal double AcceptanceUniform()
    {
        uint c0 = 0, c1 = 0, c2 = 0, c3 = AcceptanceUse;
        Philox4x32.Hash(ref c0, ref c1, ref c2, ref c3, k0, k1);
        return Unit(c0, c1);
    }

    // 52 bits, centred in their cell: (k + 1/2) / 2^52 lies in [2^-53, 1 - 2^-53], exactly representable, never 0 or 1.
    private static double Unit(uint high, uint low) => ((((ulong)high << 20) | (low >> 12)) + 0.5) * (1.0 / (1UL << 52));
}
