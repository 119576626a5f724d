package io.tradingcore.run;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * Applies {@code logs.format} and {@code logs.level} to the logback configuration of
 * {@code logback.xml} once the configuration is read: the level of the root logger, and for
 * {@code json} logback's own JsonEncoder (one JSON object per line) in place of the text pattern.
 */
final class LogOutput
{
    private static final String APPENDER = "stderr";
    /** logback.xml's text encoder while JSON is on, to go back to. */
    private static Encoder<ILoggingEvent> text;

    private LogOutput()
    {
    }

    static synchronized void apply(final String format, final String level)
    {
        final LoggerContext context = (LoggerContext)LoggerFactory.getILoggerFactory();
        final Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(level.toUpperCase(Locale.ROOT), Level.INFO));
        final OutputStreamAppender<ILoggingEvent> appender = (OutputStreamAppender<ILoggingEvent>)root.getAppender(APPENDER);
        final boolean json = "json".equals(format);
        if (appender == null || json == appender.getEncoder() instanceof JsonEncoder)
        {
            return;
        }
        if (json)
        {
            text = appender.getEncoder();
        }
        final Encoder<ILoggingEvent> encoder = json ? jsonEncoder() : text;
        encoder.setContext(context);
        encoder.start();
        appender.stop();
        appender.setEncoder(encoder);
        appender.start();
    }

    /** The message as a reader wants it, formatted with its arguments; no raw pattern, no logback context. */
    private static JsonEncoder jsonEncoder()
    {
        final JsonEncoder json = new JsonEncoder();
        json.setWithFormattedMessage(true);
        json.setWithMessage(false);
        json.setWithArguments(false);
        json.setWithContext(false);
        json.setWithSequenceNumber(false);
        return json;
    }
}
