using System.Text;
using static BrainDrainSim.Reporting.Tests.EngineComparison;
using BrainDrainSim.Reporting.Calibration;
using BrainDrainSim.Reporting.Comparisons;
using BrainDrainSim.Reporting.Tests.Calibration;

namespace BrainDrainSim.Reporting.Tests;

/// <summary>
/// The write seam (<see cref="OutputFiles"/>): every file the writers produce goes through it, it writes the bytes
/// File.WriteAllText would, and a failure of the file system comes out naming the file with the system's errno,
/// while any other exception passes through unchanged. The seam is process-wide, so the file systems put in it
/// here pass through every path outside their own test's folder (other tests write concurrently).
/// </summary>
public class OutputFilesTests
{
    [Fact]
    public void Every_file_the_writers_produce_goes_through_the_seam()
    {
        using var run = new TempFolder();
        using var compare = new TempFolder();
        using var sweep = new TempFolder();
        using var calibration = new TempFolder();
        var outcome = SmallCalibration.Outcome; // built before the seam is replaced: it writes nothing
        var recorder = new Recorder([run.Path, compare.Path, sweep.Path, calibration.Path]);
        using (Use(recorder))
        {
            ResultWriter.WriteAll(SyntheticEnsemble.Build(), SyntheticEnsemble.Info(), run.Path);
            ComparisonWriter.WriteAll(TwoPolicies(), Info(3), compare.Path);
            SweepWriter.WriteAll(TwoPolicies(), "levers[0].fraction", [0, 0.25, 0.5], Info(1), sweep.Path);
            CalibrationWriter.WriteAll(outcome, SmallCalibration.Info(), calibration.Path);
        }
        foreach (var dir in new[] { run.Path, compare.Path, sweep.Path, calibration.Path })
        {
            var onDisk = Directory.GetFiles(dir).Order(StringComparer.Ordinal).ToArray();
            Assert.NotEmpty(onDisk);
            Assert.Equal(onDisk, recorder.Paths.Where(p => Path.GetDirectoryName(p) == dir).Distinct().Order(StringComparer.Ordinal));
        }
        Assert.Contains(recorder.Paths, p => p.EndsWith(".png", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_is_written_as_utf8_without_a_byte_order_mark_as_File_WriteAllText_writes_it()
    {
        using var dir = new TempFolder();
        // Korean, an emoji and more than one 64 KiB buffer of it.
        string text = string.Concat(Enumerable.Repeat("연구자 researchers 🧪,\n", 9000));
        OutputFiles.WriteText(dir.PathOf("seam.csv"), text);
        File.WriteAllText(dir.PathOf("plain.csv"), text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        Assert.Equal(File.ReadAllBytes(dir.PathOf("plain.csv")), File.ReadAllBytes(dir.PathOf("seam.csv")));
        OutputFiles.WriteText(dir.PathOf("seam.csv"), "short\n"); // an existing file is replaced whole
        Assert.Equal("short\n", File.ReadAllText(dir.PathOf("seam.csv")));
    }

    [Theory]
    [InlineData("summary.csv")]
    [InlineData("flows.png")]
    [InlineData("manifest.json")]
    public void A_full_disk_comes_out_naming_the_file_with_the_errno(string file)
    {
        using var dir = new TempFolder();
        using (Use(new Failing(dir.Path, file, () => new IOException("No space left on device", 28))))
        {
            var e = Assert.Throws<OutputFileException>(() => ResultWriter.WriteAll(SyntheticEnsemble.Build(), SyntheticEnsemble.Info(), dir.Path));
            Assert.Equal(dir.PathOf(file), e.FilePath);
            Assert.Equal(28, e.HResult);
            Assert.Equal(28, Assert.IsType<IOException>(e.InnerException).HResult);
        }
    }

    [Theory]
    [InlineData("predictive.csv")]
    [InlineData("history.png")]
    [InlineData("manifest.json")]
    public void A_full_disk_during_a_calibration_stops_at_the_file_it_failed_on(string file)
    {
        using var dir = new TempFolder();
        var outcome = SmallCalibration.Outcome;
        using (Use(new Failing(dir.Path, file, () => new IOException("No space left on device", 28))))
        {
            var e = Assert.Throws<OutputFileException>(() => CalibrationWriter.WriteAll(outcome, SmallCalibration.Info(), dir.Path));
            Assert.Equal(dir.PathOf(file), e.FilePath);
            Assert.Equal(28, e.HResult);
        }
        // The files before it in the fixed order were written, none after it.
        int failed = CalibrationWriter.Files.ToList().IndexOf(file);
        Assert.Equal(CalibrationWriter.Files.Take(failed + 1).Order(StringComparer.Ordinal),
            Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_denied_permission_comes_out_naming_the_file()
    {
        using var dir = new TempFolder();
        using (Use(new Failing(dir.Path, "runs.csv", () => new UnauthorizedAccessException("Access denied.", new IOException("Permission denied", 13)))))
        {
            var e = Assert.Throws<OutputFileException>(() => ResultWriter.WriteAll(SyntheticEnsemble.Build(), SyntheticEnsemble.Info(), dir.Path));
            Assert.Equal(dir.PathOf("runs.csv"), e.FilePath);
            Assert.IsType<UnauthorizedAccessException>(e.InnerException);
        }
    }

    [Fact]
    public void Any_other_exception_passes_through_unwrapped()
    {
        using var dir = new TempFolder();
        using (Use(new Failing(dir.Path, "annual.csv", () => new InvalidOperationException("a bug"))))
        {
            var e = Assert.Throws<InvalidOperationException>(() => ResultWriter.WriteAll(SyntheticEnsemble.Build(), SyntheticEnsemble.Info(), dir.Path));
            Assert.Equal("a bug", e.Message);
        }
    }

    /// <summary>Puts <paramref name="fileSystem"/> in the seam until disposed.</summary>
    private static Restore Use(IOutputFileSystem fileSystem)
    {
        var previous = OutputFiles.FileSystem;
        OutputFiles.FileSystem = fileSystem;
        return new Restore(previous);
    }

    private sealed class Restore(IOutputFileSystem previous) : IDisposable
    {
        public void Dispose() => OutputFiles.FileSystem = previous;
    }

    /// <summary>Writes to disk and records the paths written under the given folders.</summary>
    private sealed class Recorder(string[] folders) : IOutputFileSystem
    {
        private readonly List<string> _paths = [];

        public IReadOnlyList<string> Paths { get { lock (_paths) return [.. _paths]; } }

        public Stream Create(string path)
        {
            if (folders.Contains(Path.GetDirectoryName(path))) lock (_paths) _paths.Add(path);
            return DiskFileSystem.Instance.Create(path);
        }
    }

    /// <summary>Fails the one file named in the folder given, at its first write, with the exception given.</summary>
    private sealed class Failing(string folder, string file, Func<Exception> failure) : IOutputFileSystem
    {
        public Stream Create(string path)
        {
            var stream = DiskFileSystem.Instance.Create(path);
            return path == Path.Combine(folder, file) ? new FailingStream(stream, failure) : stream;
        }
    }

    private sealed class FailingStream(Stream inner, Func<Exception> failure) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw failure();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
