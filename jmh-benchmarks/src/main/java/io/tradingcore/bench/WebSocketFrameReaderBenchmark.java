package io.tradingcore.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.tradingcore.adapters.kraken.FeedChannelHandler;
import io.tradingcore.adapters.kraken.KrakenWebSocketFrameReader;
import io.tradingcore.core.ring.FrameSink;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * One inbound read of Kraken frames through the connection's frame layer into a {@link FrameSink}
 * that copies each message into a reused buffer (as the ring's slot copy does): {@code reader} is
 * {@link KrakenWebSocketFrameReader}, {@code netty} is the path it replaced (Netty's
 * {@link WebSocket08FrameDecoder}, a frame object per frame, then the old assembler's logic: a single
 * frame read in place, fragments copied into a reused array). Run with {@code -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED"})
public class WebSocketFrameReaderBenchmark
{
    private static final int MAX_MESSAGE_BYTES = 4 * 1024 * 1024;
    private static final String BOOK_UPDATE = "{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\"," +
        "\"bids\":[],\"asks\":[{\"price\":62806.6,\"qty\":0.00000000},{\"price\":62808.0,\"qty\":0.79607759}," +
        "{\"price\":62803.8,\"qty\":4.74541363}],\"checksum\":265834348,\"timestamp\":\"2026-08-16T23:37:05.376419Z\"}]}";
    private static final String BOOK_SNAPSHOT = "{\"channel\":\"book\",\"type\":\"snapshot\",\"data\":[{\"symbol\":\"MATIC/USD\"," +
        "\"bids\":[{\"price\":0.5666,\"qty\":4831.75496356},{\"price\":0.5665,\"qty\":6658.22734739}," +
        "{\"price\":0.5664,\"qty\":18724.91513344},{\"price\":0.5663,\"qty\":11563.92544914}," +
        "{\"price\":0.5662,\"qty\":14006.65365711},{\"price\":0.5661,\"qty\":17454.85679807},{\"price\":0.566,\"qty\":18097.1547}," +
        "{\"price\":0.5659,\"qty\":33644.89175666},{\"price\":0.5658,\"qty\":148.3464},{\"price\":0.5657,\"qty\":606.70854372}]," +
        "\"asks\":[{\"price\":0.5668,\"qty\":4410.79769741},{\"price\":0.5669,\"qty\":4655.40412487}," +
        "{\"price\":0.567,\"qty\":49844.89424998},{\"price\":0.5671,\"qty\":24306.41678},{\"price\":0.5672,\"qty\":29783.25223475}," +
        "{\"price\":0.5673,\"qty\":57234.71239278},{\"price\":0.5674,\"qty\":45065.04744},{\"price\":0.5675,\"qty\":5912.76380354}," +
        "{\"price\":0.5676,\"qty\":42514.92434778},{\"price\":0.5677,\"qty\":36304.0847022}],\"checksum\":2439117997," +
        "\"timestamp\":\"2026-08-16T23:37:05.376419Z\"}]}";

    @Param({"reader", "netty"})
    public String decoder;

    @Param({"pooled", "unpooled"})
    public String memory;

    @Param({"book_update", "snapshot", "fragmented"})
    public String frames;

    private final CopyingSink sink = new CopyingSink();
    private EmbeddedChannel channel;
    private ChannelPipeline pipeline;
    private ByteBuf read;

    @Setup(Level.Trial)
    public void setUp()
    {
        final byte[] wire;
        switch (frames)
        {
            case "book_update":
                wire = frame(true, 0x1, BOOK_UPDATE);
                break;
            case "snapshot":
                wire = frame(true, 0x1, BOOK_SNAPSHOT);
                break;
            default:
                final int third = BOOK_SNAPSHOT.length() / 3;
                wire = concat(frame(false, 0x1, BOOK_SNAPSHOT.substring(0, third)),
                    frame(false, 0x0, BOOK_SNAPSHOT.substring(third, 2 * third)),
                    frame(true, 0x0, BOOK_SNAPSHOT.substring(2 * third)));
                break;
        }
        read = "pooled".equals(memory) ? PooledByteBufAllocator.DEFAULT.directBuffer(wire.length) : Unpooled.buffer(wire.length);
        read.writeBytes(wire);
        channel = "reader".equals(decoder)
            ? new EmbeddedChannel(new KrakenWebSocketFrameReader(sink, 1, MAX_MESSAGE_BYTES))
            : new EmbeddedChannel(new WebSocket08FrameDecoder(false, false, MAX_MESSAGE_BYTES), new FrameObjectAssembler(sink));
        pipeline = channel.pipeline();
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        channel.finishAndReleaseAll();
        read.release();
        if (sink.messages == 0)
        {
            throw new IllegalStateException("no message reached the sink");
        }
    }

    /** One socket read: the same bytes again (retained, as the reader releases what it reads). */
    @Benchmark
    public long read()
    {
        read.retain().readerIndex(0);
        pipeline.fireChannelRead(read);
        return sink.bytes;
    }

    /** The ring producer's side: copies each message into its slot. */
    static final class CopyingSink implements FrameSink, FeedChannelHandler.Listener
    {
        private final UnsafeBuffer slot = new UnsafeBuffer(new byte[64 * 1024]);
        long messages;
        long bytes;

        @Override
        public boolean onFrame(final DirectBuffer buffer, final int offset, final int length, final long receiveEpochMicros,
            final long receiveNanos)
        {
            slot.putBytes(0, buffer, offset, length);
            messages++;
            bytes += length;
            return true;
        }

        @Override
        public void onSessionStart(final long receiveEpochMicros)
        {
        }

        @Override
        public void onHandshakeComplete(final int generation)
        {
        }

        @Override
        public void onConnectionError(final int generation, final String reason)
        {
            throw new IllegalStateException(reason);
        }

        @Override
        public void onTextMessage(final DirectBuffer buffer, final int offset, final int length)
        {
            onFrame(buffer, offset, length, 0, 0);
        }

        @Override
        public void onFrameEvent(final int event)
        {
        }
    }

    /** The replaced path after Netty's decoder: a single frame read in place, fragments copied and joined. */
    static final class FrameObjectAssembler extends ChannelInboundHandlerAdapter
    {
        private final CopyingSink sink;
        private final UnsafeBuffer view = new UnsafeBuffer(new byte[0]);
        private final byte[] assembly = new byte[64 * 1024];
        private int assembled;

        FrameObjectAssembler(final CopyingSink sink)
        {
            this.sink = sink;
        }

        @Override
        public void channelRead(final ChannelHandlerContext ctx, final Object msg)
        {
            final WebSocketFrame frame = (WebSocketFrame)msg;
            try
            {
                final ByteBuf content = frame.content();
                final int length = content.readableBytes();
                if (frame instanceof TextWebSocketFrame && frame.isFinalFragment())
                {
                    if (content.hasMemoryAddress())
                    {
                        view.wrap(content.memoryAddress() + content.readerIndex(), length);
                    }
                    else
                    {
                        view.wrap(content.array(), content.arrayOffset() + content.readerIndex(), length);
                    }
                    sink.onFrame(view, 0, length, 0, 0);
                    return;
                }
                if (frame instanceof TextWebSocketFrame)
                {
                    assembled = 0;
                }
                if (frame instanceof TextWebSocketFrame || frame instanceof ContinuationWebSocketFrame)
                {
                    content.getBytes(content.readerIndex(), assembly, assembled, length);
                    assembled += length;
                    if (frame.isFinalFragment())
                    {
                        view.wrap(assembly, 0, assembled);
                        sink.onFrame(view, 0, assembled, 0, 0);
                    }
                }
            }
            finally
            {
                frame.release();
            }
        }
    }

    private static byte[] frame(final boolean fin, final int opcode, final String text)
    {
        final byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((fin ? 0x80 : 0) | opcode);
        if (payload.length < 126)
        {
            out.write(payload.length);
        }
        else
        {
            out.write(126);
            out.write(payload.length >>> 8);
            out.write(payload.length);
        }
        out.writeBytes(payload);
        return out.toByteArray();
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
}
