package io.tradingcore.adapters.kraken;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/** The last handler of a Kraken WebSocket connection: hands its owner the upgrade, errors and every data frame. */
public final class FeedChannelHandler extends ChannelInboundHandlerAdapter
{
    /** The connection's owner, called on the connection's event loop. */
    public interface Listener
    {
        void onHandshakeComplete(int generation);

        void onConnectionError(int generation, String reason);

        /** The frame is released after this returns. */
        void onWebSocketFrame(WebSocketFrame frame);
    }

    private final Listener listener;
    private final int generation;

    public FeedChannelHandler(final Listener listener, final int generation)
    {
        this.listener = listener;
        this.generation = generation;
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        if (msg instanceof WebSocketFrame)
        {
            final WebSocketFrame frame = (WebSocketFrame)msg;
            try
            {
                listener.onWebSocketFrame(frame);
            }
            finally
            {
                frame.release();
            }
        }
        else
        {
            ctx.fireChannelRead(msg);
        }
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
