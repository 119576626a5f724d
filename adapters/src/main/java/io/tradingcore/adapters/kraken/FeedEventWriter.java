package io.tradingcore.adapters.kraken;

import io.tradingcore.core.kraken.Channel;
import io.tradingcore.core.kraken.ParseError;
import io.tradingcore.core.stream.EntryWriter;
import io.tradingcore.core.stream.Fields;
import io.tradingcore.core.stream.Outbox;
import io.tradingcore.core.stream.StreamCatalog;
import org.agrona.DirectBuffer;

import static io.tradingcore.core.stream.EntryWriter.ascii;

/**
 * The feed thread's entries on {@code kraken:status}, {@code kraken:errors} and {@code events:bus}, in the
 * same shape as the core's: {@code type=error} with an {@code error} kind, {@code type=event} with an
 * {@code event} name, and {@code type=status} with {@code source=connection} for our own connection state
 * (Kraken's system status and heartbeats are the normalize stage's to write). One method per event.
 * Owns the feed thread's {@link EntryWriter}; {@link FeedMetrics} writes {@code kraken:metrics} through it.
 */
public final class FeedEventWriter
{
    private static final byte[] STATE = ascii("state");
    private static final byte[] ENDPOINT = ascii("endpoint");
    private static final byte[] ATTEMPT = ascii("attempt");
    private static final byte[] DELAY_MS = ascii("delay_ms");
    private static final byte[] RETRY_IN_MS = ascii("retry_in_ms");
    private static final byte[] WATCHDOG = ascii("watchdog");
    private static final byte[] SILENT_MS = ascii("silent_ms");
    private static final byte[] ATTEMPTS = ascii("attempts");
    private static final byte[] SLOW_RETRY_MS = ascii("slow_retry_ms");
    private static final byte[] ELAPSED_MS = ascii("elapsed_ms");

    private static final byte[] CONNECTION_SOURCE = ascii("connection");
    private static final byte[] RECONNECT_SCHEDULED = ascii("reconnect_scheduled");

    private static final byte[] ERROR_ACK = ascii("ack_error");
    private static final byte[] ERROR_RATE_LIMITED = ascii("rate_limited");
    private static final byte[] ERROR_WATCHDOG = ascii("watchdog");
    private static final byte[] ERROR_RESYNC_GAVE_UP = ascii("resync_gave_up");
    private static final byte[] ERROR_FRAME_REJECTED = ascii("frame_rejected");

    private static final byte[] EVENT_CONNECT = ascii("connect");
    private static final byte[] EVENT_DISCONNECT = ascii("disconnect");
    private static final byte[] EVENT_RESYNC_REQUESTED = ascii("resync_requested");
    private static final byte[] EVENT_RESYNC_DONE = ascii("resync_done");

    private final EntryWriter writer;
    private final String endpoint;

    public FeedEventWriter(final Outbox outbox, final String endpoint)
    {
        this.writer = new EntryWriter(outbox);
        this.endpoint = endpoint;
    }

    public EntryWriter writer()
    {
        return writer;
    }

    /** kraken:status: connecting, connected, disconnected (with the reason). */
    public void connectionState(final long epochMicros, final String state, final int attempt, final String reason)
    {
        begin(StreamCatalog.KRAKEN_STATUS, Fields.TYPE_STATUS, epochMicros).string(Fields.SOURCE, CONNECTION_SOURCE)
            .string(STATE, state).string(ENDPOINT, endpoint).integer(ATTEMPT, attempt);
        if (reason != null)
        {
            writer.string(Fields.REASON, reason);
        }
        writer.publish();
    }

    /** kraken:status: the next connection attempt is scheduled after {@code delayMillis}. */
    public void reconnectScheduled(final long epochMicros, final long delayMillis, final int attempt,
        final String reason)
    {
        begin(StreamCatalog.KRAKEN_STATUS, Fields.TYPE_STATUS, epochMicros).string(Fields.SOURCE, CONNECTION_SOURCE)
            .string(STATE, RECONNECT_SCHEDULED).string(ENDPOINT, endpoint).integer(ATTEMPT, attempt)
            .integer(DELAY_MS, delayMillis).string(Fields.REASON, reason).publish();
    }

    /**
     * kraken:errors: a refused request on a connection whose frames do not pass through the ring (the
     * private order connection); the public feed's refusals are written by the normalize stage.
     */
    public void ackError(final long epochMicros, final String method, final String channel, final String symbol,
        final String reason, final long reqId)
    {
        error(ERROR_ACK, epochMicros).string(Fields.METHOD, nonNull(method)).string(Fields.CHANNEL, nonNull(channel))
            .string(Fields.SYMBOL, nonNull(symbol)).string(Fields.REASON, nonNull(reason))
            .integer(Fields.REQ_ID, reqId).publish();
    }

    /** kraken:errors: "Exceeded msg rate" for a symbol, retried after a backoff. */
    public void rateLimited(final long epochMicros, final String channel, final String symbol,
        final long retryInMillis)
    {
        error(ERROR_RATE_LIMITED, epochMicros).string(Fields.CHANNEL, channel).string(Fields.SYMBOL, nonNull(symbol))
            .string(Fields.REASON, "Exceeded msg rate").integer(RETRY_IN_MS, retryInMillis).publish();
    }

    /** kraken:errors: a watchdog fired ({@code pong_timeout}, {@code data_silence}). */
    public void watchdog(final long epochMicros, final String watchdog, final String channel, final String symbol,
        final long silentMillis)
    {
        error(ERROR_WATCHDOG, epochMicros).string(WATCHDOG, watchdog).string(Fields.CHANNEL, nonNull(channel))
            .string(Fields.SYMBOL, nonNull(symbol)).integer(SILENT_MS, silentMillis).publish();
    }

    /** kraken:errors: a symbol's book keeps needing resyncs; it is now retried slowly. */
    public void resyncGaveUp(final long epochMicros, final String symbol, final int attempts,
        final long slowRetryMillis)
    {
        error(ERROR_RESYNC_GAVE_UP, epochMicros).string(Fields.SYMBOL, symbol).integer(ATTEMPTS, attempts)
            .integer(SLOW_RETRY_MS, slowRetryMillis).publish();
    }

    /** kraken:errors: frames that were not handed on or not recognized since the last report. */
    public void framesRejected(final long epochMicros, final String reason, final long count)
    {
        error(ERROR_FRAME_REJECTED, epochMicros).string(Fields.REASON, reason).integer(Fields.COUNT, count).publish();
    }

    /**
     * kraken:errors: one frame of the order connection that could not be used, in the shape the normalize stage
     * gives the public feed's: {@code parse_error} with its {@link ParseError}, or {@code unknown_frame} (reason
     * {@code none}) for a well-formed frame of no channel or request the client knows; the channel, where in the
     * frame it failed, and the frame's head.
     */
    public void frameError(final long epochMicros, final int error, final int channel, final int position,
        final DirectBuffer frame, final int offset, final int length)
    {
        error(error == ParseError.NONE ? Fields.UNKNOWN_FRAME : Fields.PARSE_ERROR, epochMicros)
            .string(Fields.REASON, ParseError.name(error)).string(Fields.CHANNEL, Channel.name(channel))
            .integer(Fields.POSITION, position).excerpt(Fields.FRAME, frame, offset, length).publish();
    }

    public void connected(final long epochMicros, final int attempt)
    {
        event(EVENT_CONNECT, epochMicros).string(ENDPOINT, endpoint).integer(ATTEMPT, attempt).publish();
    }

    public void disconnected(final long epochMicros, final String reason)
    {
        event(EVENT_DISCONNECT, epochMicros).string(ENDPOINT, endpoint).string(Fields.REASON, reason).publish();
    }

    public void resyncRequested(final long epochMicros, final String symbol, final int attempt)
    {
        event(EVENT_RESYNC_REQUESTED, epochMicros).string(Fields.SYMBOL, symbol).integer(ATTEMPT, attempt).publish();
    }

    public void resyncDone(final long epochMicros, final String symbol, final long elapsedMillis)
    {
        event(EVENT_RESYNC_DONE, epochMicros).string(Fields.SYMBOL, symbol).integer(ELAPSED_MS, elapsedMillis)
            .publish();
    }

    EntryWriter begin(final int stream, final byte[] type, final long epochMicros)
    {
        return writer.begin(stream, -1, -1).string(Fields.TYPE, type).timestamp(Fields.TIMESTAMP, epochMicros);
    }

    private EntryWriter error(final byte[] kind, final long epochMicros)
    {
        return begin(StreamCatalog.KRAKEN_ERRORS, Fields.TYPE_ERROR, epochMicros).string(Fields.ERROR, kind);
    }

    private EntryWriter event(final byte[] name, final long epochMicros)
    {
        return begin(StreamCatalog.EVENTS_BUS, Fields.TYPE_EVENT, epochMicros).string(Fields.EVENT, name);
    }

    private static String nonNull(final String value)
    {
        return value == null ? "" : value;
    }
}
