package io.tradingcore.adapters.kraken;

/**
 * Connection liveness: no frame for the silence period, then an application ping
 * ({@code {"method":"ping"}}); no pong (nor any other frame) within the ping timeout, then close and
 * reconnect. Kraken sends a heartbeat every second once subscribed, so silence means a dead link
 * that TCP has not noticed yet. Time is passed in; feed thread only.
 */
public final class ConnectionWatchdog
{
    public static final int OK = 0;
    public static final int SEND_PING = 1;
    public static final int CLOSE = 2;

    private static final long NO_PING = Long.MIN_VALUE;

    private final long silenceNanos;
    private final long pingTimeoutNanos;
    private long lastFrameNanos;
    private long pingSentNanos = NO_PING;

    public ConnectionWatchdog(final long silenceNanos, final long pingTimeoutNanos)
    {
        this.silenceNanos = silenceNanos;
        this.pingTimeoutNanos = pingTimeoutNanos;
    }

    public void onSessionStart(final long nowNanos)
    {
        lastFrameNanos = nowNanos;
        pingSentNanos = NO_PING;
    }

    /** Hot path: any frame proves the link is alive. */
    public void onFrame(final long nowNanos)
    {
        lastFrameNanos = nowNanos;
    }

    public void onPingSent(final long nowNanos)
    {
        pingSentNanos = nowNanos;
    }

    /** What to do now: {@link #OK}, {@link #SEND_PING} (then call {@link #onPingSent}) or {@link #CLOSE}. */
    public int poll(final long nowNanos)
    {
        if (pingSentNanos != NO_PING)
        {
            if (lastFrameNanos >= pingSentNanos)
            {
                pingSentNanos = NO_PING;
                return OK;
            }
            return nowNanos - pingSentNanos >= pingTimeoutNanos ? CLOSE : OK;
        }
        return nowNanos - lastFrameNanos >= silenceNanos ? SEND_PING : OK;
    }

    public long silentForNanos(final long nowNanos)
    {
        return nowNanos - lastFrameNanos;
    }
}
