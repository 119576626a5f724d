package io.tradingcore.adapters.kraken;

import io.tradingcore.core.stream.EntryWriter;
import io.tradingcore.core.stream.Outbox;
import io.tradingcore.core.stream.StreamCatalog;

import static io.tradingcore.core.stream.EntryWriter.ascii;

/**
 * The feed thread's entries on {@code kraken:status}, {@code kraken:errors}, {@code events:bus} and
 * {@code kraken:heartbeat}: one method per event, each entry with {@code type} and {@code timestamp}.
 * Owns the feed thread's {@link EntryWriter}; {@link FeedMetrics} writes {@code kraken:metrics} through
 * {@link #writer()}.
 */
public final class FeedEventWriter
{
    static final byte[] TYPE = ascii("type");
    static final byte[] TIMESTAMP = ascii("timestamp");
    private static final byte[] STATE = ascii("state");
    private static final byte[] ENDPOINT = ascii("endpoint");
    private static final byte[] ATTEMPT = ascii("attempt");
    private static final byte[] DELAY_MS = ascii("delay_ms");
    private static final byte[] REASON = ascii("reason");
    private static final byte[] SYSTEM = ascii("system");
    private static final byte[] API_VERSION = ascii("api_version");
    private static final byte[] VERSION = ascii("version");
    private static final byte[] CONNECTION_ID = ascii("connection_id");
    private static final byte[] METHOD = ascii("method");
    private static final byte[] CHANNEL = ascii("channel");
    private static final byte[] SYMBOL = ascii("symbol");
    private static final byte[] REQ_ID = ascii("req_id");
    private static final byte[] RETRY_IN_MS = ascii("retry_in_ms");
    private static final byte[] WATCHDOG = ascii("watchdog");
    private static final byte[] SILENT_MS = ascii("silent_ms");
    private static final byte[] ATTEMPTS = ascii("attempts");
    private static final byte[] SLOW_RETRY_MS = ascii("slow_retry_ms");
    private static final byte[] COUNT = ascii("count");
    private static final byte[] HEARTBEATS = ascii("heartbeats");
    private static final byte[] INTERVAL_MS = ascii("interval_ms");
    private static final byte[] ELAPSED_MS = ascii("elapsed_ms");

    private static final byte[] TYPE_CONNECTION = ascii("kraken.connection");
    private static final byte[] TYPE_SYSTEM_STATUS = ascii("kraken.system_status");
    private static final byte[] TYPE_ACK_ERROR = ascii("kraken.ack_error");
    private static final byte[] TYPE_RATE_LIMITED = ascii("kraken.rate_limited");
    private static final byte[] TYPE_WATCHDOG = ascii("kraken.watchdog");
    private static final byte[] TYPE_RESYNC_GAVE_UP = ascii("kraken.resync_gave_up");
    private static final byte[] TYPE_FRAME_REJECTED = ascii("kraken.frame_rejected");
    private static final byte[] TYPE_HEARTBEAT = ascii("kraken.heartbeat");
    private static final byte[] TYPE_CONNECTED = ascii("feed.connected");
    private static final byte[] TYPE_DISCONNECTED = ascii("feed.disconnected");
    private static final byte[] TYPE_RESYNC_REQUESTED = ascii("book.resync_requested");
    private static final byte[] TYPE_RESYNC_DONE = ascii("book.resync_done");

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
        begin(StreamCatalog.KRAKEN_STATUS, TYPE_CONNECTION, epochMicros).string(STATE, state)
            .string(ENDPOINT, endpoint).integer(ATTEMPT, attempt);
        if (reason != null)
        {
            writer.string(REASON, reason);
        }
        writer.publish();
    }

    /** kraken:status: the next connection attempt is scheduled after {@code delayMillis}. */
    public void reconnectScheduled(final long epochMicros, final long delayMillis, final int attempt,
        final String reason)
    {
        begin(StreamCatalog.KRAKEN_STATUS, TYPE_CONNECTION, epochMicros).string(STATE, "reconnect_scheduled")
            .string(ENDPOINT, endpoint).integer(ATTEMPT, attempt).integer(DELAY_MS, delayMillis)
            .string(REASON, reason).publish();
    }

    /** kraken:status: Kraken's own status frame (online, maintenance, cancel_only, post_only). */
    public void systemStatus(final long epochMicros, final String system, final String apiVersion,
        final String version, final String connectionId)
    {
        begin(StreamCatalog.KRAKEN_STATUS, TYPE_SYSTEM_STATUS, epochMicros).string(SYSTEM, nonNull(system))
            .string(API_VERSION, nonNull(apiVersion)).string(VERSION, nonNull(version))
            .string(CONNECTION_ID, nonNull(connectionId)).publish();
    }

    /** kraken:errors: a failed ack (the only place Kraken reports a refused subscription). */
    public void ackError(final long epochMicros, final String method, final String channel, final String symbol,
        final String reason, final long reqId)
    {
        begin(StreamCatalog.KRAKEN_ERRORS, TYPE_ACK_ERROR, epochMicros).string(METHOD, nonNull(method))
            .string(CHANNEL, nonNull(channel)).string(SYMBOL, nonNull(symbol)).string(REASON, nonNull(reason))
            .integer(REQ_ID, reqId).publish();
    }

    /** kraken:errors: "Exceeded msg rate" for a symbol, retried after a backoff. */
    public void rateLimited(final long epochMicros, final String channel, final String symbol,
        final long retryInMillis)
    {
        begin(StreamCatalog.KRAKEN_ERRORS, TYPE_RATE_LIMITED, epochMicros).string(CHANNEL, channel)
            .string(SYMBOL, nonNull(symbol)).string(REASON, "Exceeded msg rate")
            .integer(RETRY_IN_MS, retryInMillis).publish();
    }

    /** kraken:errors: a watchdog fired ({@code pong_timeout}, {@code data_silence}). */
    public void watchdog(final long epochMicros, final String watchdog, final String channel, final String symbol,
        final long silentMillis)
    {
        begin(StreamCatalog.KRAKEN_ERRORS, TYPE_WATCHDOG, epochMicros).string(WATCHDOG, watchdog)
            .string(CHANNEL, nonNull(channel)).string(SYMBOL, nonNull(symbol)).integer(SILENT_MS, silentMillis)
            .publish();
    }

    /** kraken:errors: a symbol's book keeps needing resyncs; it is now retried slowly. */
    public void resyncGaveUp(final long epochMicros, final String symbol, final int attempts,
        final long slowRetryMillis)
    {
        begin(StreamCatalog.KRAKEN_ERRORS, TYPE_RESYNC_GAVE_UP, epochMicros).string(SYMBOL, symbol)
            .integer(ATTEMPTS, attempts).integer(SLOW_RETRY_MS, slowRetryMillis).publish();
    }

    /** kraken:errors: frames that were not handed on or not recognized since the last report. */
    public void framesRejected(final long epochMicros, final String reason, final long count)
    {
        begin(StreamCatalog.KRAKEN_ERRORS, TYPE_FRAME_REJECTED, epochMicros).string(REASON, reason)
            .integer(COUNT, count).publish();
    }

    public void connected(final long epochMicros, final int attempt)
    {
        begin(StreamCatalog.EVENTS_BUS, TYPE_CONNECTED, epochMicros).string(ENDPOINT, endpoint)
            .integer(ATTEMPT, attempt).publish();
    }

    public void disconnected(final long epochMicros, final String reason)
    {
        begin(StreamCatalog.EVENTS_BUS, TYPE_DISCONNECTED, epochMicros).string(ENDPOINT, endpoint)
            .string(REASON, reason).publish();
    }

    public void resyncRequested(final long epochMicros, final String symbol, final int attempt)
    {
        begin(StreamCatalog.EVENTS_BUS, TYPE_RESYNC_REQUESTED, epochMicros).string(SYMBOL, symbol)
            .integer(ATTEMPT, attempt).publish();
    }

    public void resyncDone(final long epochMicros, final String symbol, final long elapsedMillis)
    {
        begin(StreamCatalog.EVENTS_BUS, TYPE_RESYNC_DONE, epochMicros).string(SYMBOL, symbol)
            .integer(ELAPSED_MS, elapsedMillis).publish();
    }

    /** kraken:heartbeat: Kraken heartbeats seen since the last entry (entries are rate-limited by the caller). */
    public void heartbeat(final long epochMicros, final long heartbeats, final long intervalMillis)
    {
        begin(StreamCatalog.KRAKEN_HEARTBEAT, TYPE_HEARTBEAT, epochMicros).integer(HEARTBEATS, heartbeats)
            .integer(INTERVAL_MS, intervalMillis).publish();
    }

    EntryWriter begin(final int stream, final byte[] type, final long epochMicros)
    {
        return writer.begin(stream, -1, -1).string(TYPE, type).timestamp(TIMESTAMP, epochMicros);
    }

    private static String nonNull(final String value)
    {
        return value == null ? "" : value;
    }
}
