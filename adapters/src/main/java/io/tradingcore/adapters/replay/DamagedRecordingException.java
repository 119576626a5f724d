package io.tradingcore.adapters.replay;

import java.io.IOException;

/** A recording that could not be read to its end: the message names the file, how far it was read and why, in one line. */
public final class DamagedRecordingException extends IOException
{
    private static final long serialVersionUID = 1L;

    DamagedRecordingException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
