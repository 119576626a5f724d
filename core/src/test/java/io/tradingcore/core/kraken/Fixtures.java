package io.tradingcore.core.kraken;

import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The example frames of KRAKEN.md §1.3–2.5, verbatim, from {@code src/test/resources/kraken/}. */
final class Fixtures
{
    static final String[] FRAMES = {
        "subscribe-ack-algo", "subscribe-ack-matic", "subscribe-failed-pair", "subscribe-failed-depth",
        "unsubscribe-ack", "pong", "heartbeat", "status-docs", "status-real", "ticker-snapshot", "trade-snapshot",
        "book-snapshot-matic", "book-update-matic", "book-update-btc-real", "ohlc-snapshot"
    };

    private Fixtures()
    {
    }

    static String frame(final String name)
    {
        try (InputStream in = Fixtures.class.getResourceAsStream("/kraken/" + name + ".json"))
        {
            if (in == null)
            {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** The instrument channel frame around the verbatim BTC/USD pair of KRAKEN.md §2.5. */
    static String instrumentFrame()
    {
        return "{\"channel\":\"instrument\",\"type\":\"snapshot\",\"data\":{\"assets\":[{\"id\":\"XBT\",\"status\":\"enabled\"," +
            "\"precision\":10,\"precision_display\":5,\"borrowable\":true,\"collateral_value\":1.0,\"margin_rate\":0.01}]," +
            "\"pairs\":[" + frame("instrument-pair-btc") + "]}}";
    }

    /** A buffer exactly as long as the frame: any read past its end throws (Agrona bounds checks). */
    static UnsafeBuffer exact(final String frame)
    {
        return new UnsafeBuffer(frame.getBytes(StandardCharsets.US_ASCII));
    }
}
