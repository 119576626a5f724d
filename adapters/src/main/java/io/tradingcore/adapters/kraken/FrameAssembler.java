package io.tradingcore.adapters.kraken;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Turns WebSocket frames into whole text messages without allocating. A text message in one frame
 * (nearly all of them) is exposed in place through a reused {@link UnsafeBuffer} over Netty's memory;
 * a fragmented one (text frame + continuation frames) is copied into one reusable array that grows
 * to at most {@code maxMessageBytes}. Binary messages (Kraken sends none) and oversized ones are
 * skipped whole and reported. Feed thread only.
 */
public final class FrameAssembler
{
    /** Nothing complete yet (a fragment was stored, or a skipped message goes on). */
    public static final int PARTIAL = 0;
    /** A whole text message is in {@link #buffer()}[0, {@link #length()}). */
    public static final int MESSAGE = 1;
    /** A message was larger than the limit and was skipped. */
    public static final int TOO_LARGE = 2;
    /** A binary message was skipped. */
    public static final int BINARY = 3;

    private static final int IDLE = 0;
    private static final int ASSEMBLING = 1;
    private static final int SKIPPING_LARGE = 2;
    private static final int SKIPPING_BINARY = 3;

    private final int maxMessageBytes;
    private final UnsafeBuffer view = new UnsafeBuffer(new byte[0]);
    private byte[] assembly = new byte[64 * 1024];
    private int state = IDLE;
    private int assembled;
    private int length;
    private long fragmentedMessages;

    public FrameAssembler(final int maxMessageBytes)
    {
        this.maxMessageBytes = maxMessageBytes;
    }

    /** Feeds one frame (the caller releases it); {@link #MESSAGE} when a whole text message is ready. */
    public int onFrame(final WebSocketFrame frame)
    {
        final ByteBuf content = frame.content();
        final boolean last = frame.isFinalFragment();
        if (frame instanceof TextWebSocketFrame)
        {
            if (last)
            {
                state = IDLE;
                return content.readableBytes() > maxMessageBytes ? TOO_LARGE : inPlace(content);
            }
            state = ASSEMBLING;
            assembled = 0;
            return append(content, false);
        }
        if (frame instanceof ContinuationWebSocketFrame)
        {
            switch (state)
            {
                case ASSEMBLING:
                    return append(content, last);
                case SKIPPING_LARGE:
                    state = last ? IDLE : SKIPPING_LARGE;
                    return last ? TOO_LARGE : PARTIAL;
                case SKIPPING_BINARY:
                    state = last ? IDLE : SKIPPING_BINARY;
                    return last ? BINARY : PARTIAL;
                default:
                    return PARTIAL;
            }
        }
        if (frame instanceof BinaryWebSocketFrame)
        {
            state = last ? IDLE : SKIPPING_BINARY;
            return last ? BINARY : PARTIAL;
        }
        return PARTIAL;
    }

    public DirectBuffer buffer()
    {
        return view;
    }

    public int length()
    {
        return length;
    }

    /** Messages that arrived in more than one frame. */
    public long fragmentedMessages()
    {
        return fragmentedMessages;
    }

    /** A new connection: a half-assembled message from the old one is dropped. */
    public void reset()
    {
        state = IDLE;
        assembled = 0;
    }

    private int inPlace(final ByteBuf content)
    {
        final int readable = content.readableBytes();
        if (content.hasMemoryAddress())
        {
            view.wrap(content.memoryAddress() + content.readerIndex(), readable);
        }
        else if (content.hasArray())
        {
            view.wrap(content.array(), content.arrayOffset() + content.readerIndex(), readable);
        }
        else
        {
            ensureCapacity(readable);
            content.getBytes(content.readerIndex(), assembly, 0, readable);
            view.wrap(assembly, 0, readable);
        }
        length = readable;
        return MESSAGE;
    }

    private int append(final ByteBuf content, final boolean last)
    {
        final int readable = content.readableBytes();
        if (assembled + readable > maxMessageBytes)
        {
            state = last ? IDLE : SKIPPING_LARGE;
            return last ? TOO_LARGE : PARTIAL;
        }
        ensureCapacity(assembled + readable);
        content.getBytes(content.readerIndex(), assembly, assembled, readable);
        assembled += readable;
        if (!last)
        {
            return PARTIAL;
        }
        state = IDLE;
        fragmentedMessages++;
        view.wrap(assembly, 0, assembled);
        length = assembled;
        return MESSAGE;
    }

    private void ensureCapacity(final int needed)
    {
        if (needed > assembly.length)
        {
            int capacity = assembly.length;
            while (capacity < needed)
            {
                capacity = Math.min(maxMessageBytes, capacity * 2);
            }
            final byte[] grown = new byte[capacity];
            System.arraycopy(assembly, 0, grown, 0, assembled);
            assembly = grown;
        }
    }
}
