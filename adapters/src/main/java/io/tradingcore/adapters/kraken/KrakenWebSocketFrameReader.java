package io.tradingcore.adapters.kraken;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrameDecoder;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Reads server-to-client WebSocket frames (RFC 6455, unmasked) straight from the inbound
 * {@link ByteBuf}s, without a frame object: text and continuation frames are copied into one reused
 * array and each whole text message goes to {@link FeedChannelHandler.Listener#onTextMessage}. Header
 * and payload progress lives in fields, so a frame may be split over any number of reads and a read
 * may hold any number of frames. Binary messages are skipped and reported; a ping is answered with a
 * pong, a pong reported, a close echoed and reported. A masked or malformed frame, or a message over
 * {@code maxMessageBytes}, is a connection error: the connection is closed. Every inbound buffer is
 * released. Installed by the upgrade in place of Netty's frame decoder; connection thread only.
 */
public final class KrakenWebSocketFrameReader extends ChannelInboundHandlerAdapter implements WebSocketFrameDecoder
{
    /** A text message arrived in several frames; its {@code onTextMessage} follows. */
    public static final int REASSEMBLED = 1;
    /** A binary message was skipped (Kraken sends none). */
    public static final int BINARY_SKIPPED = 2;
    /** A WebSocket pong arrived: the link is alive. */
    public static final int PONG = 3;
    /** A message was larger than the limit: the connection is closed. */
    public static final int TOO_LARGE = 4;

    private static final int OPCODE_CONTINUATION = 0x0;
    private static final int OPCODE_TEXT = 0x1;
    private static final int OPCODE_BINARY = 0x2;
    private static final int OPCODE_CLOSE = 0x8;
    private static final int OPCODE_PING = 0x9;
    private static final int OPCODE_PONG = 0xA;
    private static final int MAX_CONTROL_PAYLOAD = 125;
    private static final int INITIAL_CAPACITY = 64 * 1024;

    private static final int READING_HEADER = 0;
    private static final int READING_PAYLOAD = 1;
    private static final int FAILED = 2;

    private static final int NO_MESSAGE = 0;
    private static final int TEXT_MESSAGE = 1;
    private static final int BINARY_MESSAGE = 2;

    private final FeedChannelHandler.Listener listener;
    private final int generation;
    private final int maxMessageBytes;
    private final UnsafeBuffer view = new UnsafeBuffer(new byte[0]);
    private final byte[] control = new byte[MAX_CONTROL_PAYLOAD];
    private byte[] message = new byte[0];

    private int state = READING_HEADER;
    private int headerRead;
    private int headerSize;
    private boolean fin;
    private int opcode;
    private long payloadLength;
    private long payloadRead;
    private int messageKind = NO_MESSAGE;
    private int messageLength;
    private int messageFrames;

    public KrakenWebSocketFrameReader(final FeedChannelHandler.Listener listener, final int generation,
        final int maxMessageBytes)
    {
        this.listener = listener;
        this.generation = generation;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        if (!(msg instanceof ByteBuf))
        {
            ctx.fireChannelRead(msg);
            return;
        }
        final ByteBuf in = (ByteBuf)msg;
        try
        {
            while (state != FAILED && in.isReadable())
            {
                if (state == READING_HEADER)
                {
                    if (readHeader(in))
                    {
                        onHeader(ctx);
                    }
                }
                else
                {
                    readPayload(ctx, in);
                }
            }
        }
        finally
        {
            in.release();
        }
    }

    /** True once the whole header (2, 4 or 10 bytes: server frames carry no mask key) has been read. */
    private boolean readHeader(final ByteBuf in)
    {
        while (in.isReadable())
        {
            final int b = in.readUnsignedByte();
            if (headerRead == 0)
            {
                fin = (b & 0x80) != 0;
                opcode = (b & 0x70) != 0 ? -1 : b & 0x0F; // no extension was negotiated: RSV bits set is an error
                headerSize = 2;
                payloadLength = 0;
            }
            else if (headerRead == 1)
            {
                if ((b & 0x80) != 0)
                {
                    opcode = -2;
                }
                final int length7 = b & 0x7F;
                headerSize = length7 == 126 ? 4 : length7 == 127 ? 10 : 2;
                payloadLength = length7 < 126 ? length7 : 0;
            }
            else
            {
                payloadLength = (payloadLength << 8) | b;
            }
            if (++headerRead == headerSize)
            {
                headerRead = 0;
                return true;
            }
        }
        return false;
    }

    private void onHeader(final ChannelHandlerContext ctx)
    {
        payloadRead = 0;
        if (opcode == -2)
        {
            protocolError(ctx, "masked server frame");
            return;
        }
        if (opcode == -1)
        {
            protocolError(ctx, "reserved bits set");
            return;
        }
        if (payloadLength < 0)
        {
            protocolError(ctx, "64-bit payload length with the top bit set");
            return;
        }
        switch (opcode)
        {
            case OPCODE_TEXT:
            case OPCODE_BINARY:
                if (messageKind != NO_MESSAGE)
                {
                    protocolError(ctx, "new data frame inside a fragmented message");
                    return;
                }
                messageKind = opcode == OPCODE_TEXT ? TEXT_MESSAGE : BINARY_MESSAGE;
                messageLength = 0;
                messageFrames = 0;
                break;
            case OPCODE_CONTINUATION:
                if (messageKind == NO_MESSAGE)
                {
                    protocolError(ctx, "continuation frame without a message");
                    return;
                }
                break;
            case OPCODE_CLOSE:
            case OPCODE_PING:
            case OPCODE_PONG:
                if (!fin || payloadLength > MAX_CONTROL_PAYLOAD)
                {
                    protocolError(ctx, "fragmented or oversized control frame");
                    return;
                }
                break;
            default:
                protocolError(ctx, "unknown opcode " + opcode);
                return;
        }
        if (messageKind == TEXT_MESSAGE && opcode <= OPCODE_TEXT)
        {
            messageFrames++;
            final long needed = messageLength + payloadLength;
            if (needed > maxMessageBytes)
            {
                tooLarge(ctx, needed);
                return;
            }
            if (needed > message.length)
            {
                grow((int)needed);
            }
        }
        state = READING_PAYLOAD;
        if (payloadLength == 0)
        {
            onFrameComplete(ctx);
        }
    }

    private void readPayload(final ChannelHandlerContext ctx, final ByteBuf in)
    {
        final int n = (int)Math.min(in.readableBytes(), payloadLength - payloadRead);
        if (opcode <= OPCODE_TEXT && messageKind == TEXT_MESSAGE)
        {
            in.readBytes(message, messageLength, n);
            messageLength += n;
        }
        else if (opcode >= OPCODE_CLOSE)
        {
            in.readBytes(control, (int)payloadRead, n);
        }
        else
        {
            in.skipBytes(n);
        }
        payloadRead += n;
        if (payloadRead == payloadLength)
        {
            onFrameComplete(ctx);
        }
    }

    private void onFrameComplete(final ChannelHandlerContext ctx)
    {
        state = READING_HEADER;
        switch (opcode)
        {
            case OPCODE_PING:
                ctx.channel().writeAndFlush(new PongWebSocketFrame(Unpooled.copiedBuffer(control, 0, (int)payloadLength)));
                break;
            case OPCODE_PONG:
                listener.onFrameEvent(PONG);
                break;
            case OPCODE_CLOSE:
                onClose(ctx);
                break;
            default:
                if (fin)
                {
                    onMessageComplete();
                }
        }
    }

    private void onMessageComplete()
    {
        final int kind = messageKind;
        messageKind = NO_MESSAGE;
        if (kind == BINARY_MESSAGE)
        {
            listener.onFrameEvent(BINARY_SKIPPED);
            return;
        }
        if (messageFrames > 1)
        {
            listener.onFrameEvent(REASSEMBLED);
        }
        listener.onTextMessage(view, 0, messageLength);
    }

    private void onClose(final ChannelHandlerContext ctx)
    {
        final int length = (int)payloadLength;
        final int status = length >= 2 ? ((control[0] & 0xFF) << 8) | (control[1] & 0xFF) : -1;
        final String reason = length > 2 ? new String(control, 2, length - 2, StandardCharsets.UTF_8) : "";
        listener.onConnectionError(generation, status < 0 ? "closed by the server"
            : "closed by the server: " + status + (reason.isEmpty() ? "" : " " + reason));
        state = FAILED;
        final CloseWebSocketFrame echo = WebSocketCloseStatus.isValidStatusCode(status)
            ? new CloseWebSocketFrame(status, "") : new CloseWebSocketFrame();
        ctx.channel().writeAndFlush(echo).addListener(ChannelFutureListener.CLOSE);
    }

    private void tooLarge(final ChannelHandlerContext ctx, final long size)
    {
        listener.onFrameEvent(TOO_LARGE);
        fail(ctx, WebSocketCloseStatus.MESSAGE_TOO_BIG,
            "message of at least " + size + " bytes is over the limit of " + maxMessageBytes + " bytes");
    }

    private void protocolError(final ChannelHandlerContext ctx, final String what)
    {
        fail(ctx, WebSocketCloseStatus.PROTOCOL_ERROR, "websocket protocol error: " + what);
    }

    private void fail(final ChannelHandlerContext ctx, final WebSocketCloseStatus status, final String reason)
    {
        state = FAILED;
        messageKind = NO_MESSAGE;
        listener.onConnectionError(generation, reason);
        ctx.channel().writeAndFlush(new CloseWebSocketFrame(status)).addListener(ChannelFutureListener.CLOSE);
    }

    /** Only when a message is larger than any before on this connection: doubles, up to the limit. */
    private void grow(final int needed)
    {
        int capacity = Math.min(maxMessageBytes, Math.max(message.length, INITIAL_CAPACITY));
        while (capacity < needed)
        {
            capacity = (int)Math.min(maxMessageBytes, capacity * 2L);
        }
        final byte[] grown = new byte[capacity];
        System.arraycopy(message, 0, grown, 0, messageLength);
        message = grown;
        view.wrap(grown);
    }
}
