package io.tradingcore.adapters.sim;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;

import java.nio.charset.StandardCharsets;

/**
 * The private REST endpoint of {@link KrakenPrivateEndpoint}: {@code POST /0/private/GetWebSocketsToken}
 * answered like Kraken ({@code {"error":[],"result":{"token":...,"expires":900}}}, or an error list
 * with HTTP 200). Requests for other paths go on to the WebSocket upgrade.
 */
final class KrakenPrivateRest extends ChannelInboundHandlerAdapter
{
    private static final String REST_PREFIX = "/0/";
    private static final String TOKEN_PATH = "/0/private/GetWebSocketsToken";

    private final KrakenPrivateEndpoint endpoint;

    KrakenPrivateRest(final KrakenPrivateEndpoint endpoint)
    {
        this.endpoint = endpoint;
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        if (!(msg instanceof FullHttpRequest) || !((FullHttpRequest)msg).uri().startsWith(REST_PREFIX))
        {
            ctx.fireChannelRead(msg);
            return;
        }
        final FullHttpRequest request = (FullHttpRequest)msg;
        try
        {
            if (!TOKEN_PATH.equals(request.uri()))
            {
                respond(ctx, HttpResponseStatus.NOT_FOUND, "{\"error\":[\"EGeneral:Unknown method\"]}");
            }
            else if (!HttpMethod.POST.equals(request.method()))
            {
                respond(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, "{\"error\":[\"EGeneral:Invalid arguments\"]}");
            }
            else
            {
                final KrakenPrivateEndpoint.TokenAnswer answer = endpoint.issueToken(request.headers().get("API-Key"),
                    request.headers().get("API-Sign"), request.content().toString(StandardCharsets.UTF_8));
                respond(ctx, HttpResponseStatus.OK, answer.token() != null
                    ? "{\"error\":[],\"result\":{\"token\":\"" + answer.token() + "\",\"expires\":900}}"
                    : "{\"error\":[\"" + answer.error() + "\"]}");
            }
        }
        finally
        {
            ReferenceCountUtil.release(request);
        }
    }

    private static void respond(final ChannelHandlerContext ctx, final HttpResponseStatus status, final String json)
    {
        final FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
            ByteBufUtil.writeUtf8(ctx.alloc(), json));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
            .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
            .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
