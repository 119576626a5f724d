package io.tradingcore.adapters.kraken;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/** The last handler of a feed connection: hands the client the upgrade and every data frame. */
final class FeedChannelHandler extends ChannelInboundHandlerAdapter
{
    private final KrakenFeedClient client;
    private final int generation;

    FeedChannelHandler(final KrakenFeedClient client, final int generation)
    {
        this.client = client;
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
                client.onWebSocketFrame(frame);
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
            client.onHandshakeComplete(generation);
        }
        else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT)
        {
            client.onConnectionError(generation, "websocket upgrade timed out");
            ctx.close();
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        client.onConnectionError(generation, cause.getClass().getSimpleName() + ": " + cause.getMessage());
        ctx.close();
    }
}
