package io.tradingcore.adapters.sim;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.ReferenceCountUtil;
import io.tradingcore.adapters.kraken.ControlJson;
import io.tradingcore.core.kraken.Channel;
import io.tradingcore.core.time.Rfc3339;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One client connection to the {@link KrakenSimulator}: its subscriptions, its request rate, and
 * the Kraken v2 request handling (subscribe, unsubscribe, ping). Runs on the simulator's one thread.
 */
final class KrakenSimulatorSession extends ChannelInboundHandlerAdapter
{
    private static final int[] CHANNELS = {Channel.TICKER, Channel.TRADE, Channel.BOOK, Channel.OHLC};

    private final KrakenSimulator simulator;
    /** [channel][symbol index]: subscribed; for ohlc a bit mask of {@link KrakenSimulator#OHLC_INTERVALS}. */
    private final int[][] subscribed = new int[Channel.COUNT][];
    /** Same shape: subscriptions acked but stalled by a fault (no snapshot, no data). */
    private final int[][] stalled = new int[Channel.COUNT][];
    private boolean instrument;
    private int subscriptionCount;
    private ChannelHandlerContext ctx;
    private boolean open;
    private boolean frozen;
    private long lastSendNanos;
    private double requestTokens;
    private long lastRequestNanos;

    KrakenSimulatorSession(final KrakenSimulator simulator, final int symbolCount)
    {
        this.simulator = simulator;
        for (final int channel : CHANNELS)
        {
            subscribed[channel] = new int[symbolCount];
            stalled[channel] = new int[symbolCount];
        }
        this.requestTokens = simulator.settings().requestBurst();
    }

    @Override
    public void userEventTriggered(final ChannelHandlerContext ctx, final Object event)
    {
        if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete)
        {
            this.ctx = ctx;
            open = true;
            lastRequestNanos = System.nanoTime();
            simulator.onSessionOpen(this);
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        try
        {
            if (msg instanceof TextWebSocketFrame && !frozen)
            {
                onRequest(((TextWebSocketFrame)msg).text());
            }
        }
        finally
        {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx)
    {
        if (open)
        {
            open = false;
            simulator.onSessionClosed(this);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void channelWritabilityChanged(final ChannelHandlerContext ctx)
    {
        if (ctx.channel().isWritable())
        {
            simulator.onWritable();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        ctx.close();
    }

    boolean subscribed()
    {
        return subscriptionCount > 0 && !frozen;
    }

    void freeze()
    {
        frozen = true;
    }

    boolean writable()
    {
        return ctx.channel().isWritable();
    }

    ByteBufAllocator alloc()
    {
        return ctx.alloc();
    }

    /** Whether this session takes a market frame of {@code channel} for the symbol at {@code index}. */
    boolean wants(final int channel, final int index, final String frame)
    {
        if (frozen)
        {
            return false;
        }
        if (channel == Channel.INSTRUMENT)
        {
            return instrument;
        }
        if (index < 0 || subscribed[channel] == null)
        {
            return false;
        }
        final int live = subscribed[channel][index] & ~stalled[channel][index];
        if (live == 0)
        {
            return false;
        }
        return channel != Channel.OHLC || (live & intervalBit(intervalOf(frame))) != 0;
    }

    /** A market frame (not flushed: the pump flushes once per batch). */
    void stream(final ByteBuf frame)
    {
        write(frame);
    }

    /** A control frame, status or heartbeat: written and flushed at once. */
    void sendNow(final String text)
    {
        if (open && !frozen)
        {
            write(ByteBufUtil.writeUtf8(ctx.alloc(), text));
            ctx.flush();
        }
    }

    void flush()
    {
        ctx.flush();
    }

    boolean idleSince(final long nowNanos, final long idleNanos)
    {
        return subscriptionCount > 0 && !frozen && nowNanos - lastSendNanos >= idleNanos;
    }

    /** Drops the TCP connection without a WebSocket close (Kraken sends no close marker either). */
    void drop()
    {
        ctx.channel().close();
    }

    void sendMalformed()
    {
        sendNow("{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/U");
        sendNow("this is not json");
        sendNow("{\"channel\":\"mystery\",\"type\":\"update\",\"data\":[]}");
        sendNow("");
        ctx.writeAndFlush(new BinaryWebSocketFrame(ctx.alloc().buffer(4).writeInt(0xCAFEBABE)));
    }

    private void write(final ByteBuf content)
    {
        lastSendNanos = System.nanoTime();
        final int fragment = simulator.settings().fragmentAboveBytes();
        final int length = content.readableBytes();
        if (fragment <= 0 || length <= fragment)
        {
            ctx.write(new TextWebSocketFrame(content));
            return;
        }
        ctx.write(new TextWebSocketFrame(false, 0, content.retainedSlice(0, fragment)));
        for (int at = fragment; at < length; at += fragment)
        {
            final int size = Math.min(fragment, length - at);
            ctx.write(new ContinuationWebSocketFrame(at + size == length, 0, content.retainedSlice(at, size)));
        }
        content.release();
    }

    private void onRequest(final String text)
    {
        final long timeIn = nowMicros();
        final Map<String, Object> request = ControlJson.parseObject(text);
        final String method = ControlJson.string(request, "method");
        final long reqId = ControlJson.integer(request, "req_id", -1);
        if (method == null)
        {
            sendNow(error(null, "EGeneral:Invalid arguments", null, reqId, timeIn));
            return;
        }
        switch (method)
        {
            case "ping":
                sendNow(pong(reqId, timeIn));
                break;
            case "subscribe":
            case "unsubscribe":
                simulator.onRequest(text);
                onSubscription(method, ControlJson.object(request, "params"), reqId, timeIn);
                break;
            default:
                sendNow(error(method, "Method not found", null, reqId, timeIn));
        }
    }

    private void onSubscription(final String method, final Map<String, Object> params, final long reqId,
        final long timeIn)
    {
        final boolean subscribe = "subscribe".equals(method);
        final String channelName = ControlJson.string(params, "channel");
        final int channel = channelOf(channelName);
        final List<String> symbols = ControlJson.strings(params, "symbol");
        final FaultInjector faults = simulator.faults();
        if (!takeRequestToken())
        {
            simulator.onRefusedForRate();
            refuseAll(method, symbols, "Exceeded msg rate", reqId, timeIn);
            return;
        }
        if (channel < 0)
        {
            sendNow(error(method, "Channel not supported", null, reqId, timeIn));
            return;
        }
        final int depth = (int)ControlJson.integer(params, "depth", 10);
        if (channel == Channel.BOOK && !contains(KrakenSimulator.BOOK_DEPTHS, depth))
        {
            sendNow(error(method, "Subscription depth not supported", null, reqId, timeIn));
            return;
        }
        final int interval = (int)ControlJson.integer(params, "interval", 1);
        if (channel == Channel.OHLC && !contains(KrakenSimulator.OHLC_INTERVALS, interval))
        {
            sendNow(error(method, "Subscription ohlc interval not supported", null, reqId, timeIn));
            return;
        }
        if (channel == Channel.OHLC && !contains(KrakenSimulator.SERVED_OHLC_INTERVALS, interval))
        {
            sendNow(error(method, "Simulator keeps ohlc intervals 1 and 5 only", null, reqId, timeIn));
            return;
        }
        final boolean snapshot = ControlJson.bool(params, "snapshot", true);
        if (channel == Channel.INSTRUMENT)
        {
            onInstrument(subscribe, snapshot, reqId, timeIn);
            return;
        }
        final int bit = channel == Channel.OHLC ? intervalBit(interval) : 1;
        for (final String symbol : symbols)
        {
            final int index = simulator.symbolIndex(symbol);
            if (index < 0)
            {
                sendNow(error(method, "Currency pair not supported " + symbol, symbol, reqId, timeIn));
                continue;
            }
            if (subscribe && faults.takeRateRefusal())
            {
                sendNow(error(method, "Exceeded msg rate", symbol, reqId, timeIn));
                continue;
            }
            if (!subscribe)
            {
                unsubscribe(channel, channelName, index, bit, symbol, depth, interval, reqId, timeIn);
                continue;
            }
            if ((subscribed[channel][index] & bit) != 0)
            {
                sendNow(error(method, "Already subscribed", symbol, reqId, timeIn));
                continue;
            }
            subscribed[channel][index] |= bit;
            subscriptionCount++;
            sendNow(channel == Channel.OHLC ? simulator.market().ohlcSubscribeAck(symbol, interval, reqId)
                : simulator.market().subscribeAck(channelName, symbol, reqId));
            if (faults.takeStall(channel, index))
            {
                stalled[channel][index] |= bit;
                continue;
            }
            if (snapshot)
            {
                sendNow(snapshot(channel, symbol, interval));
            }
        }
    }

    private void unsubscribe(final int channel, final String channelName, final int index, final int bit,
        final String symbol, final int depth, final int interval, final long reqId, final long timeIn)
    {
        if ((subscribed[channel][index] & bit) == 0)
        {
            sendNow(error("unsubscribe", "Subscription Not Found", symbol, reqId, timeIn));
            return;
        }
        subscribed[channel][index] &= ~bit;
        stalled[channel][index] &= ~bit;
        subscriptionCount--;
        final StringBuilder ack = new StringBuilder(192).append("{\"method\":\"unsubscribe\",");
        if (reqId >= 0)
        {
            ack.append("\"req_id\":").append(reqId).append(',');
        }
        ack.append("\"result\":{\"channel\":\"").append(channelName).append('"');
        if (channel == Channel.BOOK)
        {
            ack.append(",\"depth\":").append(depth);
        }
        if (channel == Channel.OHLC)
        {
            ack.append(",\"interval\":").append(interval);
        }
        ack.append(",\"symbol\":\"").append(symbol).append("\"},\"success\":true");
        sendNow(times(ack, timeIn).append('}').toString());
    }

    private void onInstrument(final boolean subscribe, final boolean snapshot, final long reqId, final long timeIn)
    {
        if (subscribe == instrument)
        {
            sendNow(error(subscribe ? "subscribe" : "unsubscribe",
                subscribe ? "Already subscribed" : "Subscription Not Found", null, reqId, timeIn));
            return;
        }
        instrument = subscribe;
        subscriptionCount += subscribe ? 1 : -1;
        if (!subscribe)
        {
            sendNow(times(new StringBuilder(160).append("{\"method\":\"unsubscribe\",\"req_id\":").append(reqId)
                .append(",\"result\":{\"channel\":\"instrument\"},\"success\":true"), timeIn).append('}').toString());
            return;
        }
        sendNow(simulator.market().subscribeAck("instrument", null, reqId));
        if (snapshot)
        {
            sendNow(simulator.market().instrumentSnapshot());
        }
    }

    private String snapshot(final int channel, final String symbol, final int interval)
    {
        final SyntheticMarket market = simulator.market();
        switch (channel)
        {
            case Channel.BOOK: return market.bookSnapshot(symbol);
            case Channel.TICKER: return market.tickerSnapshot(symbol);
            case Channel.TRADE: return market.tradeSnapshot(symbol);
            default: return market.ohlcSnapshot(symbol, interval);
        }
    }

    private void refuseAll(final String method, final List<String> symbols, final String reason, final long reqId,
        final long timeIn)
    {
        if (symbols.isEmpty())
        {
            sendNow(error(method, reason, null, reqId, timeIn));
        }
        for (final String symbol : symbols)
        {
            sendNow(error(method, reason, symbol, reqId, timeIn));
        }
    }

    /** Kraken's limit is on every inbound message; here subscribe and unsubscribe requests count. */
    private boolean takeRequestToken()
    {
        final double rate = simulator.settings().requestsPerSecond();
        if (rate <= 0)
        {
            return true;
        }
        final long now = System.nanoTime();
        requestTokens = Math.min(simulator.settings().requestBurst(), requestTokens + (now - lastRequestNanos) * rate / 1e9);
        lastRequestNanos = now;
        if (requestTokens < 1)
        {
            return false;
        }
        requestTokens -= 1;
        return true;
    }

    static String error(final String method, final String reason, final String symbol, final long reqId,
        final long timeIn)
    {
        final StringBuilder text = new StringBuilder(192).append("{\"error\":\"").append(reason).append('"');
        if (method != null)
        {
            text.append(",\"method\":\"").append(method).append('"');
        }
        if (reqId >= 0)
        {
            text.append(",\"req_id\":").append(reqId);
        }
        text.append(",\"success\":false");
        if (symbol != null)
        {
            text.append(",\"symbol\":\"").append(symbol).append('"');
        }
        return times(text, timeIn).append('}').toString();
    }

    static String pong(final long reqId, final long timeIn)
    {
        final StringBuilder text = new StringBuilder(128).append("{\"method\":\"pong\"");
        if (reqId >= 0)
        {
            text.append(",\"req_id\":").append(reqId);
        }
        return times(text, timeIn).append('}').toString();
    }

    static StringBuilder times(final StringBuilder text, final long timeIn)
    {
        return text.append(",\"time_in\":\"").append(Rfc3339.formatMicros(timeIn))
            .append("\",\"time_out\":\"").append(Rfc3339.formatMicros(nowMicros())).append('"');
    }

    static long nowMicros()
    {
        final Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }

    private static int channelOf(final String name)
    {
        if (name == null)
        {
            return -1;
        }
        switch (name)
        {
            case "ticker": return Channel.TICKER;
            case "trade": return Channel.TRADE;
            case "book": return Channel.BOOK;
            case "ohlc": return Channel.OHLC;
            case "instrument": return Channel.INSTRUMENT;
            default: return -1;
        }
    }

    private static int intervalBit(final int interval)
    {
        for (int i = 0; i < KrakenSimulator.OHLC_INTERVALS.length; i++)
        {
            if (KrakenSimulator.OHLC_INTERVALS[i] == interval)
            {
                return 1 << i;
            }
        }
        return 0;
    }

    private static int intervalOf(final String frame)
    {
        final int at = frame.indexOf("\"interval\":");
        if (at < 0)
        {
            return 0;
        }
        int value = 0;
        for (int i = at + 11; i < frame.length() && Character.isDigit(frame.charAt(i)); i++)
        {
            value = value * 10 + frame.charAt(i) - '0';
        }
        return value;
    }

    private static boolean contains(final int[] values, final int value)
    {
        for (final int v : values)
        {
            if (v == value)
            {
                return true;
            }
        }
        return false;
    }
}
