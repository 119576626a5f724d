package io.tradingcore.adapters.kraken;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * A token bucket in front of every outbound message, with the queue of messages waiting for a token.
 * In any interval of T seconds at most {@code burst + rate * T} messages leave, so the resubscribe
 * burst after a reconnect (or a storm of book resyncs) never trips Kraken's "Exceeded msg rate".
 * Time is passed in, so tests drive it with a fake clock. Feed thread only.
 */
public final class ControlRateLimiter
{
    private final double tokensPerNano;
    private final double burst;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private double tokens;
    private long lastRefillNanos;
    private long sent;

    public ControlRateLimiter(final double messagesPerSecond, final int burst, final long nowNanos)
    {
        this.tokensPerNano = messagesPerSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.lastRefillNanos = nowNanos;
    }

    /**
     * Writes what the bucket allows now to {@code channel} (null: nothing), a text frame each, handing each
     * text to {@code sent}; flushes once.
     */
    public void drainTo(final Channel channel, final long nowNanos, final Consumer<String> sent)
    {
        if (channel == null)
        {
            return;
        }
        boolean wrote = false;
        for (String text = poll(nowNanos); text != null; text = poll(nowNanos))
        {
            channel.write(new TextWebSocketFrame(text));
            sent.accept(text);
            wrote = true;
        }
        if (wrote)
        {
            channel.flush();
        }
    }

    public void offer(final String message)
    {
        queue.addLast(message);
    }

    /** Ahead of everything queued (the liveness ping must not wait behind a resubscribe burst). */
    public void offerFirst(final String message)
    {
        queue.addFirst(message);
    }

    /** The next message if a token is free now (the token is spent), else null. */
    public String poll(final long nowNanos)
    {
        if (queue.isEmpty())
        {
            return null;
        }
        refill(nowNanos);
        if (tokens < 1.0)
        {
            return null;
        }
        tokens -= 1.0;
        sent++;
        return queue.pollFirst();
    }

    /** Drops what is queued (the connection it was meant for is gone); the bucket keeps its level. */
    public void clear()
    {
        queue.clear();
    }

    public long sent()
    {
        return sent;
    }

    private void refill(final long nowNanos)
    {
        final long elapsed = nowNanos - lastRefillNanos;
        if (elapsed > 0)
        {
            tokens = Math.min(burst, tokens + elapsed * tokensPerNano);
            lastRefillNanos = nowNanos;
        }
    }
}
