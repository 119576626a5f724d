package io.tradingcore.core.time;

/**
 * The exchange clock that event-time timers, candles and the risk day run on, guarded so that one
 * frame with a wrong timestamp cannot move it. A timestamp is rejected when it runs ahead of where
 * the market can be, or (outside snapshots, which carry old times by nature) falls behind the clock,
 * by more than the bound. Where the market can be: live, the receive time plus the bound; in a
 * replay, whose receive times are the replay's own, the clock plus the bound plus one second per
 * frame since it last advanced (Kraken sends a heartbeat each quiet second, so frames pace a recording).
 * <p>
 * A real jump (a reconnect after an outage in a recording, a host clock off by more than the bound)
 * shows in every frame that follows: a timestamp within the bound of the rejected one, from a later
 * frame, confirms it and is accepted. A lone wrong frame is refuted by the next one. The clock never
 * goes back. Single writer (the normalize stage); allocation-free.
 */
public final class EventClock
{
    public static final int ACCEPTED = 0;
    public static final int AHEAD = 1;
    public static final int BEHIND = 2;

    /** A quiet second on Kraken carries a heartbeat: the most market time one replayed frame stands for. */
    private static final long PACE_MICROS = 1_000_000;
    private static final long NONE = Long.MIN_VALUE;

    private final long boundMicros;
    private final boolean arrivalTimed;
    private long micros;
    private long frame;
    private long framesSinceAdvance;
    private long suspectMicros = NONE;
    private long suspectFrame;

    /**
     * @param boundMicros  how far a timestamp may run ahead (or fall behind) before it is rejected
     * @param arrivalTimed true when receive times are the host clock at arrival (live, simulator), false in a replay
     */
    public EventClock(final long boundMicros, final boolean arrivalTimed)
    {
        if (boundMicros <= 0)
        {
            throw new IllegalArgumentException("the clock bound must be positive: " + boundMicros);
        }
        this.boundMicros = boundMicros;
        this.arrivalTimed = arrivalTimed;
    }

    /** Epoch µs of the latest accepted exchange time; 0 before the first. */
    public long micros()
    {
        return micros;
    }

    /** A frame arrived: timestamps of one frame cannot confirm each other, and a replay's pace counts frames. */
    public void onFrame()
    {
        frame++;
        framesSinceAdvance++;
    }

    /**
     * Judges one exchange timestamp ({@code 0}: none, nothing to judge) and advances the clock when it
     * is accepted. Returns {@link #ACCEPTED}, or {@link #AHEAD} / {@link #BEHIND} for a rejected one.
     */
    public int offer(final long exchangeMicros, final long receiveMicros, final boolean snapshot)
    {
        if (exchangeMicros == 0)
        {
            return ACCEPTED;
        }
        final int verdict = verdict(exchangeMicros, receiveMicros, snapshot);
        if (verdict != ACCEPTED && !confirmsSuspect(exchangeMicros))
        {
            suspectMicros = exchangeMicros;
            suspectFrame = frame;
            return verdict;
        }
        suspectMicros = verdict == ACCEPTED ? NONE : exchangeMicros;
        suspectFrame = frame;
        if (exchangeMicros > micros)
        {
            micros = exchangeMicros;
            framesSinceAdvance = 0;
        }
        return ACCEPTED;
    }

    private int verdict(final long exchangeMicros, final long receiveMicros, final boolean snapshot)
    {
        if (micros == 0 && !arrivalTimed)
        {
            return ACCEPTED; // a replay's first time sets its clock
        }
        final long limit = arrivalTimed ? receiveMicros + boundMicros : micros + boundMicros + framesSinceAdvance * PACE_MICROS;
        if (exchangeMicros > limit)
        {
            return AHEAD;
        }
        return !snapshot && micros != 0 && exchangeMicros < micros - boundMicros ? BEHIND : ACCEPTED;
    }

    private boolean confirmsSuspect(final long exchangeMicros)
    {
        return suspectMicros != NONE && suspectFrame != frame && Math.abs(exchangeMicros - suspectMicros) <= boundMicros;
    }
}
