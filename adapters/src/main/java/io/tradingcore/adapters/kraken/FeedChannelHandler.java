package io.tradingcore.adapters.kraken;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import org.agrona.DirectBuffer;

/**
 * The last handler of a Kraken WebSocket connection: hands its owner the upgrade and errors. The
 * messages come from the {@link KrakenWebSocketFrameReader} the upgrade installs, to the same listener.
 */
public final class FeedChannelHandler extends ChannelInboundHandlerAdapter
{
    /** The connection's owner, called on the connection's event loop. */
    public interface Listener
    {
        void onHandshakeComplete(int generation);

        void onConnectionError(int generation, String reason);

        /**
         * Hot path: one whole text message in {@code buffer[offset, offset + length)}, valid only until this
         * returns (the buffer is reused for the next message).
         */
        void onTextMessage(DirectBuffer buffer, int offset, int length);

        /** A rare frame-level event: one of {@link KrakenWebSocketFrameReader#REASSEMBLED} and the others there. */
        void onFrameEvent(int event);
    }

    private final Listener listener;
    private final int generation;

    public FeedChannelHandler(final Listener listener, final int generation)
    {
        this.listener = listener;
        this.generation = generation;
    }

    @Override
    public void userEventTriggered(final ChannelHandlerContext ctx, final Object event)
    {
        if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE)
        {
            listener.onHandshakeComplete(generation);
        }
        else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT)
        {
            listener.onConnectionError(generation, "websocket upgrade timed out");
            ctx.close();
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        listener.onConnectionError(generation, cause.getClass().getSimpleName() + ": " + cause.getMessage());
        ctx.close();
    }
}
