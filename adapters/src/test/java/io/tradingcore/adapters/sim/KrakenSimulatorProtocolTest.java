package io.tradingcore.adapters.sim;

import io.tradingcore.adapters.kraken.ControlJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulator's side of the Kraken v2 protocol, spoken to with the JDK's own WebSocket client. */
class KrakenSimulatorProtocolTest
{
    private KrakenSimulator simulator;
    private WebSocket socket;
    private final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();

    @BeforeEach
    void connect()
    {
        simulator = new KrakenSimulator(new KrakenSimulatorSettings().symbols(List.of("BTC/USD", "ETH/USD"))
            .framesPerSecond(500).heartbeatIntervalMillis(100)).start(0);
        socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(simulator.uri(), new WebSocket.Listener()
        {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last)
            {
                text.append(data);
                if (last)
                {
                    received.add(text.toString());
                    text.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        }).join();
    }

    @AfterEach
    void close()
    {
        socket.abort();
        simulator.close();
    }

    @Test
    void statusFirstThenOneAckPerSymbolThenSnapshotsThenUpdates() throws Exception
    {
        assertEquals("online", ControlJson.string(first(next("\"channel\":\"status\""), "data"), "system"));
        send("{\"method\":\"subscribe\",\"params\":{\"channel\":\"book\",\"symbol\":[\"BTC/USD\",\"ETH/USD\"],\"depth\":10},\"req_id\":5}");
        for (final String symbol : List.of("BTC/USD", "ETH/USD"))
        {
            final Map<String, Object> ack = ControlJson.parseObject(next("\"method\":\"subscribe\""));
            assertEquals(Boolean.TRUE, ack.get("success"));
            assertEquals(5, ControlJson.integer(ack, "req_id", -1));
            assertEquals(symbol, ControlJson.string(ControlJson.object(ack, "result"), "symbol"));
            assertTrue(next("\"type\":\"snapshot\"").contains(symbol));
        }
        final String update = next("\"type\":\"update\"");
        assertNotNull(ControlJson.parseObject(update));
        assertTrue(update.contains("\"checksum\":"));
    }

    @Test
    void refusesLikeKraken() throws Exception
    {
        next("\"channel\":\"status\"");
        send("{\"method\":\"subscribe\",\"params\":{\"channel\":\"book\",\"symbol\":[\"BTC/USD\"],\"depth\":27},\"req_id\":1}");
        assertEquals("Subscription depth not supported", ControlJson.string(ControlJson.parseObject(next("\"error\"")), "error"));
        send("{\"method\":\"subscribe\",\"params\":{\"channel\":\"ticker\",\"symbol\":[\"XBT/USD\"]},\"req_id\":2}");
        final Map<String, Object> unknown = ControlJson.parseObject(next("\"error\""));
        assertEquals("Currency pair not supported XBT/USD", ControlJson.string(unknown, "error"));
        assertEquals("XBT/USD", ControlJson.string(unknown, "symbol"));
        assertEquals(Boolean.FALSE, unknown.get("success"));

        simulator.faults().refuseSubscribesForRate(1);
        send("{\"method\":\"subscribe\",\"params\":{\"channel\":\"ticker\",\"symbol\":[\"BTC/USD\"]},\"req_id\":3}");
        assertEquals("Exceeded msg rate", ControlJson.string(ControlJson.parseObject(next("\"error\"")), "error"));
    }

    @Test
    void pongAndHeartbeatsAndUnsubscribe() throws Exception
    {
        next("\"channel\":\"status\"");
        send("{\"method\":\"ping\",\"req_id\":101}");
        final Map<String, Object> pong = ControlJson.parseObject(next("\"method\":\"pong\""));
        assertEquals(101, ControlJson.integer(pong, "req_id", -1));
        assertNotNull(ControlJson.string(pong, "time_out"));

        send("{\"method\":\"subscribe\",\"params\":{\"channel\":\"ohlc\",\"symbol\":[\"ETH/USD\"],\"interval\":5},\"req_id\":7}");
        final Map<String, Object> ack = ControlJson.parseObject(next("\"method\":\"subscribe\""));
        assertEquals(5, ControlJson.integer(ControlJson.object(ack, "result"), "interval", -1));
        send("{\"method\":\"unsubscribe\",\"params\":{\"channel\":\"ohlc\",\"symbol\":[\"ETH/USD\"],\"interval\":5},\"req_id\":8}");
        final Map<String, Object> unsubscribed = ControlJson.parseObject(next("\"method\":\"unsubscribe\""));
        assertEquals(Boolean.TRUE, unsubscribed.get("success"));
        send("{\"method\":\"subscribe\",\"params\":{\"channel\":\"trade\",\"symbol\":[\"BTC/USD\"],\"snapshot\":false},\"req_id\":9}");
        next("\"method\":\"subscribe\"");
        // a quiet subscription still gets a heartbeat once the connection idles
        simulator.faults().maintenance(60_000, false);
        next("\"system\":\"maintenance\"");
        assertEquals("{\"channel\":\"heartbeat\"}", next("heartbeat"));
    }

    private void send(final String request)
    {
        socket.sendText(request, true).join();
    }

    /** The next received frame containing {@code part}, skipping the others. */
    private String next(final String part) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        final StringBuilder skipped = new StringBuilder();
        while (System.nanoTime() < deadline)
        {
            final String frame = received.poll(100, TimeUnit.MILLISECONDS);
            if (frame != null && frame.contains(part))
            {
                return frame;
            }
            if (frame != null && skipped.length() < 2_000)
            {
                skipped.append(frame, 0, Math.min(frame.length(), 200)).append('\n');
            }
        }
        throw new AssertionError("no frame with " + part + "; skipped:\n" + skipped);
    }

    private static Map<String, Object> first(final String frame, final String key)
    {
        return ControlJson.asObject(ControlJson.asArray(ControlJson.parseObject(frame).get(key)).get(0));
    }
}
