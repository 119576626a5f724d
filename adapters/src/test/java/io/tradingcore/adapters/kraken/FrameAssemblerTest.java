package io.tradingcore.adapters.kraken;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FrameAssemblerTest
{
    @Test
    void continuationFramesBecomeOneMessageInOneReusedBuffer()
    {
        final FrameAssembler assembler = new FrameAssembler(64 * 1024);
        final String message = "{\"channel\":\"instrument\",\"type\":\"snapshot\",\"data\":{\"pairs\":[]}}";
        assertEquals(FrameAssembler.PARTIAL, feed(assembler, new TextWebSocketFrame(false, 0, text(message.substring(0, 10)))));
        assertEquals(FrameAssembler.PARTIAL, feed(assembler, new ContinuationWebSocketFrame(false, 0, text(message.substring(10, 30)))));
        assertEquals(FrameAssembler.MESSAGE, feed(assembler, new ContinuationWebSocketFrame(true, 0, text(message.substring(30)))));
        assertEquals(message, assembler.buffer().getStringWithoutLengthUtf8(0, assembler.length()));
        assertEquals(1, assembler.fragmentedMessages());

        assertEquals(FrameAssembler.MESSAGE, feed(assembler, new TextWebSocketFrame("{\"channel\":\"heartbeat\"}")));
        assertEquals("{\"channel\":\"heartbeat\"}", assembler.buffer().getStringWithoutLengthUtf8(0, assembler.length()));
    }

    @Test
    void oversizedAndBinaryMessagesAreSkippedWhole()
    {
        final FrameAssembler assembler = new FrameAssembler(16);
        assertEquals(FrameAssembler.PARTIAL, feed(assembler, new TextWebSocketFrame(false, 0, text("0123456789"))));
        assertEquals(FrameAssembler.PARTIAL, feed(assembler, new ContinuationWebSocketFrame(false, 0, text("0123456789"))));
        assertEquals(FrameAssembler.TOO_LARGE, feed(assembler, new ContinuationWebSocketFrame(true, 0, text("x"))));
        assertEquals(FrameAssembler.PARTIAL, feed(assembler, new BinaryWebSocketFrame(false, 0, text("bin"))));
        assertEquals(FrameAssembler.BINARY, feed(assembler, new ContinuationWebSocketFrame(true, 0, text("ary"))));
        assertEquals(FrameAssembler.MESSAGE, feed(assembler, new TextWebSocketFrame("{}")));
        assertEquals(2, assembler.length());
    }

    private static int feed(final FrameAssembler assembler, final WebSocketFrame frame)
    {
        try
        {
            return assembler.onFrame(frame);
        }
        finally
        {
            frame.release();
        }
    }

    private static io.netty.buffer.ByteBuf text(final String s)
    {
        return Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
    }
}
