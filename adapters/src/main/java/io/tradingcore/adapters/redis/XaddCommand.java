package io.tradingcore.adapters.redis;

import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.output.CommandOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.protocol.ProtocolKeyword;
import io.lettuce.core.protocol.RedisCommand;
import io.netty.buffer.ByteBuf;

import java.nio.ByteBuffer;
import java.util.concurrent.CancellationException;

/**
 * One XADD of an {@link XaddPipeline} (or the WAIT that follows a batch of kept entries when replicas must
 * hold them), reused for every {@code n}-th command of its connection. Its RESP is
 * already rendered in the pipeline's buffer; {@link #encode} copies it into Netty's buffer. There is no
 * future: a reply completes the command and moves the pipeline's count of replies, and an error reply
 * stays in the output for the writer to read. Lettuce calls it on the connection's I/O thread; the writer
 * prepares it again only after that count has passed it.
 */
final class XaddCommand implements RedisCommand<byte[], byte[], Void>
{
    private final XaddPipeline pipeline;
    private final byte[] bytes;
    private final Reply output = new Reply();
    private long sequence;
    private int offset;
    private int length;
    private int kind;
    private boolean done;
    private boolean cancelled;

    XaddCommand(final XaddPipeline pipeline, final byte[] bytes)
    {
        this.pipeline = pipeline;
        this.bytes = bytes;
    }

    /** Writer thread, before the command is handed to the I/O thread; {@code kind} as the pipeline names it. */
    void prepare(final long sequence, final int offset, final int length, final int kind)
    {
        this.sequence = sequence;
        this.offset = offset;
        this.length = length;
        this.kind = kind;
        done = false;
        cancelled = false;
        output.clear();
    }

    long sequence()
    {
        return sequence;
    }

    int kind()
    {
        return kind;
    }

    /** A WAIT's reply: the replicas that acknowledged every earlier write of the connection. */
    long replicas()
    {
        return output.integer;
    }

    /** Where the command's bytes start in the pipeline's buffer. */
    int offset()
    {
        return offset;
    }

    /** Redis's error reply, or null when the entry was added. */
    String error()
    {
        return output.getError();
    }

    @Override
    public CommandOutput<byte[], byte[], Void> getOutput()
    {
        return output;
    }

    @Override
    public void complete()
    {
        if (!done)
        {
            done = true;
            pipeline.onReply(this);
        }
    }

    @Override
    public boolean completeExceptionally(final Throwable failure)
    {
        if (done)
        {
            return false;
        }
        done = true;
        pipeline.onFailure(failure);
        return true;
    }

    @Override
    public void cancel()
    {
        cancelled = !done;
        completeExceptionally(new CancellationException("XADD #" + sequence + " cancelled"));
    }

    /** None: the arguments exist only as the rendered RESP. */
    @Override
    public CommandArgs<byte[], byte[]> getArgs()
    {
        return null;
    }

    @Override
    public ProtocolKeyword getType()
    {
        return kind == XaddPipeline.WAIT ? CommandType.WAIT : CommandType.XADD;
    }

    @Override
    public void encode(final ByteBuf buffer)
    {
        buffer.writeBytes(bytes, offset, length);
    }

    @Override
    public boolean isCancelled()
    {
        return cancelled;
    }

    @Override
    public boolean isDone()
    {
        return done;
    }

    @Override
    public void setOutput(final CommandOutput<byte[], byte[], Void> output)
    {
        throw new UnsupportedOperationException("XADD keeps its own output");
    }

    @Override
    public String toString()
    {
        return getType() + " #" + sequence;
    }

    /** Keeps only an error reply, or WAIT's count; the id Redis assigned is not needed. */
    private static final class Reply extends CommandOutput<byte[], byte[], Void>
    {
        private long integer;

        Reply()
        {
            super(ByteArrayCodec.INSTANCE, null);
        }

        @Override
        public void set(final ByteBuffer bytes)
        {
        }

        @Override
        public void set(final long value)
        {
            integer = value;
        }

        void clear()
        {
            error = null;
            integer = 0;
        }
    }
}
