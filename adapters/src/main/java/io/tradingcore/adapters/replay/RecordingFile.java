package io.tradingcore.adapters.replay;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipException;

/**
 * What can be wrong with a recording on disk, said in one line that names the file: a path that is
 * not a readable file, and a file that breaks while it is read (corrupt, empty or truncated gzip).
 */
final class RecordingFile
{
    private RecordingFile()
    {
    }

    /** Null when {@code path} is a readable regular file; otherwise what is wrong with it. */
    static String problem(final Path path)
    {
        if (Files.isDirectory(path))
        {
            return "replay file " + path + " is a directory, not a recording";
        }
        if (!Files.exists(path))
        {
            return "replay file not found: " + path;
        }
        if (!Files.isReadable(path)) // a named pipe is fine: frames as they are written
        {
            return "replay file not readable: " + path;
        }
        return null;
    }

    /** {@code cause}, met after {@code lines} lines of {@code path}, as one line naming the file and what broke. */
    static DamagedRecordingException damaged(final Path path, final IOException cause, final long lines)
    {
        if (cause instanceof DamagedRecordingException)
        {
            return (DamagedRecordingException)cause;
        }
        final String why;
        if (cause instanceof EOFException)
        {
            why = lines == 0 ? "empty or cut short before its first line (no complete gzip data)" : "the gzip data ends early: the file is truncated";
        }
        else if (cause instanceof ZipException)
        {
            why = "corrupt gzip data (" + cause.getMessage() + ")";
        }
        else
        {
            why = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
        return new DamagedRecordingException("recording " + path + " is damaged after " + lines + " lines: " + why, cause);
    }
}
