package io.tradingcore.adapters.kraken;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KrakenWebSocketFrameReaderTest
{
    private static final int TEXT = 0x1;
    private static final int BINARY = 0x2;
    private static final int CONTINUATION = 0x0;
    private static final int CLOSE = 0x8;
    private static final int PING = 0x9;
    private static final int PONG = 0xA;

    private final Recorder listener = new Recorder();
    private final List<ByteBuf> fed = new ArrayList<>();

    @Test
    void readsSevenSixteenAndSixtyFourBitLengthsSplitByteByByte()
    {
        final EmbeddedChannel channel = channel(128 * 1024);
        final String small = "{\"channel\":\"heartbeat\"}";
        final String medium = text(300);
        final String large = text(70_000);
        feed(channel, concat(frame(true, TEXT, small), frame(true, TEXT, medium), frame(true, TEXT, large)), 1);

        assertEquals(List.of(small, medium, large), listener.messages);
        assertEquals(List.of(), listener.events);
        assertEquals(List.of(), listener.errors);
        assertAllReleased();
    }

    @Test
    void readsManyFramesInOneBufferIntoOneReusedArray()
    {
        final EmbeddedChannel channel = channel(1024 * 1024);
        final ByteArrayOutputStream wire = new ByteArrayOutputStream();
        final List<String> sent = new ArrayList<>();
        for (int i = 0; i < 200; i++)
        {
            final String message = "{\"channel\":\"book\",\"seq\":" + i + ",\"pad\":\"" + text(i * 7) + "\"}";
            sent.add(message);
            wire.writeBytes(frame(true, TEXT, message));
        }
        feed(channel, wire.toByteArray(), Integer.MAX_VALUE);

        assertEquals(sent, listener.messages);
        for (int i = 1; i < sent.size(); i++)
        {
            assertSame(listener.buffers.get(0), listener.buffers.get(i), "one view for every message");
            assertSame(listener.arrays.get(0), listener.arrays.get(i), "one array: nothing grows below 64 KiB");
        }
        assertAllReleased();
    }

    @Test
    void reassemblesAFragmentedMessageAroundAnInterleavedPing()
    {
        final EmbeddedChannel channel = channel(64 * 1024);
        final String message = "{\"channel\":\"book\",\"type\":\"snapshot\",\"data\":[" + text(500) + "]}";
        final byte[] wire = concat(
            frame(false, TEXT, message.substring(0, 100)),
            frame(true, PING, "keepalive"),
            frame(false, CONTINUATION, message.substring(100, 350)),
            frame(true, CONTINUATION, message.substring(350)),
            frame(true, TEXT, "{}"));
        for (final int chunk : new int[] {1, 7, 64, wire.length})
        {
            listener.clear();
            feed(channel, wire, chunk);
            assertEquals(List.of(message, "{}"), listener.messages, "chunk " + chunk);
            assertEquals(List.of(KrakenWebSocketFrameReader.REASSEMBLED), listener.events);
            final PongWebSocketFrame pong = channel.readOutbound();
            assertEquals("keepalive", pong.content().toString(StandardCharsets.UTF_8), "the ping's payload echoed");
            pong.release();
        }
        assertNull(channel.readOutbound());
        assertTrue(channel.isOpen());
        assertAllReleased();
    }

    @Test
    void skipsBinaryMessagesReportsPongsAndEchoesClose()
    {
        final EmbeddedChannel channel = channel(64 * 1024);
        feed(channel, concat(
            frame(false, BINARY, "bin"),
            frame(true, CONTINUATION, "ary"),
            frame(true, PONG, ""),
            frame(true, TEXT, "{\"method\":\"pong\"}"),
            closeFrame(1001, "going away"),
            frame(true, TEXT, "after close")), 5);

        assertEquals(List.of("{\"method\":\"pong\"}"), listener.messages);
        assertEquals(List.of(KrakenWebSocketFrameReader.BINARY_SKIPPED, KrakenWebSocketFrameReader.PONG), listener.events);
        assertEquals(List.of("closed by the server: 1001 going away"), listener.errors);
        final CloseWebSocketFrame echo = channel.readOutbound();
        assertEquals(1001, echo.statusCode());
        echo.release();
        assertFalse(channel.isOpen());
        assertAllReleased();
    }

    @Test
    void aMessageOverTheLimitIsAConnectionError()
    {
        final EmbeddedChannel channel = channel(256);
        feed(channel, concat(
            frame(true, TEXT, text(200)),
            frame(false, TEXT, text(200)),
            frame(true, CONTINUATION, text(100)),
            frame(true, TEXT, "never delivered")), 3);

        assertEquals(List.of(text(200)), listener.messages);
        assertEquals(List.of(KrakenWebSocketFrameReader.TOO_LARGE), listener.events);
        assertEquals(1, listener.errors.size());
        assertTrue(listener.errors.get(0).contains("over the limit of 256 bytes"), listener.errors.get(0));
        assertCloseSent(channel, 1009);
        assertAllReleased();
    }

    @Test
    void aMaskedServerFrameIsAProtocolError()
    {
        final EmbeddedChannel channel = channel(64 * 1024);
        final byte[] masked = {(byte)0x81, (byte)0x82, 1, 2, 3, 4, 'a' ^ 1, 'b' ^ 2};
        feed(channel, concat(masked, frame(true, TEXT, "{}")), Integer.MAX_VALUE);

        assertEquals(List.of(), listener.messages);
        assertEquals(List.of("websocket protocol error: masked server frame"), listener.errors);
        assertCloseSent(channel, 1002);
        assertAllReleased();
    }

    @Test
    void aContinuationWithoutAMessageIsAProtocolError()
    {
        final EmbeddedChannel channel = channel(64 * 1024);
        feed(channel, frame(true, CONTINUATION, "orphan"), Integer.MAX_VALUE);

        assertEquals(List.of("websocket protocol error: continuation frame without a message"), listener.errors);
        assertCloseSent(channel, 1002);
        assertAllReleased();
    }

    private EmbeddedChannel channel(final int maxMessageBytes)
    {
        return new EmbeddedChannel(new KrakenWebSocketFrameReader(listener, 7, maxMessageBytes));
    }

    /**
     * Writes {@code wire} in chunks of {@code chunk} bytes, alternating pooled direct and heap buffers,
     * until the reader closes the channel (a closed channel reads no more).
     */
    private void feed(final EmbeddedChannel channel, final byte[] wire, final int chunk)
    {
        for (int at = 0; at < wire.length && channel.isOpen(); at += chunk)
        {
            final int n = Math.min(chunk, wire.length - at);
            final ByteBuf buf = fed.size() % 2 == 0 ? PooledByteBufAllocator.DEFAULT.directBuffer(n) : Unpooled.buffer(n);
            buf.writeBytes(wire, at, n);
            fed.add(buf);
            channel.writeInbound(buf);
        }
        assertNull(channel.readInbound(), "the reader hands nothing down the pipeline");
    }

    private void assertAllReleased()
    {
        assertFalse(fed.isEmpty());
        for (final ByteBuf buf : fed)
        {
            assertEquals(0, buf.refCnt());
        }
    }

    private static void assertCloseSent(final EmbeddedChannel channel, final int status)
    {
        final CloseWebSocketFrame close = channel.readOutbound();
        assertEquals(status, close.statusCode());
        close.release();
        assertFalse(channel.isOpen());
    }

    /** A server frame: unmasked, with the shortest length encoding RFC 6455 allows. */
    private static byte[] frame(final boolean fin, final int opcode, final String payload)
    {
        return frame(fin, opcode, payload.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] frame(final boolean fin, final int opcode, final byte[] payload)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((fin ? 0x80 : 0) | opcode);
        final int length = payload.length;
        if (length < 126)
        {
            out.write(length);
        }
        else if (length <= 0xFFFF)
        {
            out.write(126);
            out.write(length >>> 8);
            out.write(length);
        }
        else
        {
            out.write(127);
            for (int shift = 56; shift >= 0; shift -= 8)
            {
                out.write((int)((long)length >>> shift));
            }
        }
        out.writeBytes(payload);
        return out.toByteArray();
    }

    private static byte[] closeFrame(final int status, final String reason)
    {
        final byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        final byte[] payload = new byte[2 + text.length];
        payload[0] = (byte)(status >>> 8);
        payload[1] = (byte)status;
        System.arraycopy(text, 0, payload, 2, text.length);
        return frame(true, CLOSE, payload);
    }

    private static byte[] concat(final byte[]... parts)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (final byte[] part : parts)
        {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static String text(final int length)
    {
        final char[] chars = new char[length];
        for (int i = 0; i < length; i++)
        {
            chars[i] = (char)('a' + i % 26);
        }
        return new String(chars);
    }

    private static final class Recorder implements FeedChannelHandler.Listener
    {
        final List<String> messages = new ArrayList<>();
        final List<Integer> events = new ArrayList<>();
        final List<String> errors = new ArrayList<>();
        final List<DirectBuffer> buffers = new ArrayList<>();
        final List<byte[]> arrays = new ArrayList<>();

        @Override
        public void onHandshakeComplete(final int generation)
        {
        }

        @Override
        public void onConnectionError(final int generation, final String reason)
        {
            assertEquals(7, generation);
            errors.add(reason);
        }

        @Override
        public void onTextMessage(final DirectBuffer buffer, final int offset, final int length)
        {
            messages.add(buffer.getStringWithoutLengthUtf8(offset, length));
            buffers.add(buffer);
            arrays.add(buffer.byteArray());
        }

        @Override
        public void onFrameEvent(final int event)
        {
            events.add(event);
        }

        void clear()
        {
            messages.clear();
            events.clear();
        }
    }
}
