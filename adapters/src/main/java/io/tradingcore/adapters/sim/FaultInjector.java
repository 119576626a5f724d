package io.tradingcore.adapters.sim;

import io.tradingcore.core.kraken.Channel;

import java.util.ArrayList;
import java.util.List;

/**
 * The faults {@link KrakenSimulator} can inject, each one the way Kraken has been seen to fail
 * (KRAKEN.md section 7). Call from any thread: every fault is applied on the simulator's thread, and
 * is armed (or done) when the call returns.
 * One-shot faults (stall, corrupt checksum, refuse) hit the next matching subscription or frame.
 */
public final class FaultInjector
{
    private static final String CHECKSUM_KEY = "\"checksum\":";

    private final KrakenSimulator simulator;
    private final List<int[]> stalls = new ArrayList<>();
    private final List<Integer> corruptChecksums = new ArrayList<>();
    private int rateRefusals;

    FaultInjector(final KrakenSimulator simulator)
    {
        this.simulator = simulator;
    }

    /** Drops every client connection at TCP level, without a WebSocket close (as Kraken does). */
    public void dropConnections()
    {
        onLoop(simulator::dropAll);
    }

    /**
     * The next subscribe of {@code channel} ("book", "ticker", "trade", "ohlc") for {@code symbol} is
     * acked with success and then delivers nothing: no snapshot, no updates (nautilus #4255).
     */
    public void stallNextSubscription(final String channel, final String symbol)
    {
        final int channelId = channelOf(channel);
        onLoop(() -> stalls.add(new int[] {channelId, simulator.symbolIndex(symbol)}));
    }

    /** The next book update for {@code symbol} carries a wrong checksum. */
    public void corruptNextChecksum(final String symbol)
    {
        onLoop(() -> corruptChecksums.add(simulator.symbolIndex(symbol)));
    }

    /**
     * Status {@code maintenance} to every client (and to every new connection) for {@code millis}, then
     * {@code online}; with {@code drop} the connections are dropped right after the maintenance status.
     */
    public void maintenance(final long millis, final boolean drop)
    {
        onLoop(() -> simulator.maintenance(millis, drop));
    }

    /** The next {@code symbols} subscribes (one per symbol) are refused with "Exceeded msg rate". */
    public void refuseSubscribesForRate(final int symbols)
    {
        onLoop(() -> rateRefusals += symbols);
    }

    /**
     * Every current connection goes silent and stays open: nothing more is sent, requests (pings too)
     * are ignored. A half-open link that TCP has not noticed; only the client's watchdog can.
     */
    public void freezeConnections()
    {
        onLoop(() -> simulator.forEachSession(KrakenSimulatorSession::freeze));
    }

    /**
     * Sends every client malformed frames: truncated JSON, text that is not JSON, an unknown channel,
     * an empty frame and a binary frame.
     */
    public void sendMalformedFrames()
    {
        onLoop(() -> simulator.forEachSession(KrakenSimulatorSession::sendMalformed));
    }

    private void onLoop(final Runnable fault)
    {
        if (simulator.loop().inEventLoop())
        {
            fault.run();
        }
        else
        {
            simulator.loop().submit(fault).syncUninterruptibly();
        }
    }

    boolean takeStall(final int channel, final int symbolIndex)
    {
        for (int i = 0; i < stalls.size(); i++)
        {
            final int[] stall = stalls.get(i);
            if (stall[0] == channel && stall[1] == symbolIndex)
            {
                stalls.remove(i);
                return true;
            }
        }
        return false;
    }

    boolean takeChecksumCorruption(final int symbolIndex)
    {
        return corruptChecksums.remove(Integer.valueOf(symbolIndex));
    }

    boolean takeRateRefusal()
    {
        if (rateRefusals > 0)
        {
            rateRefusals--;
            return true;
        }
        return false;
    }

    /** The frame with its checksum off by one (mod 2^32). */
    static String corruptChecksum(final String frame)
    {
        final int key = frame.indexOf(CHECKSUM_KEY);
        if (key < 0)
        {
            return frame;
        }
        final int start = key + CHECKSUM_KEY.length();
        int end = start;
        while (end < frame.length() && Character.isDigit(frame.charAt(end)))
        {
            end++;
        }
        final long checksum = Long.parseLong(frame.substring(start, end));
        return frame.substring(0, start) + ((checksum + 1) & 0xFFFF_FFFFL) + frame.substring(end);
    }

    private static int channelOf(final String channel)
    {
        switch (channel)
        {
            case "book": return Channel.BOOK;
            case "ticker": return Channel.TICKER;
            case "trade": return Channel.TRADE;
            case "ohlc": return Channel.OHLC;
            default: throw new IllegalArgumentException("no stallable channel " + channel);
        }
    }
}
