package io.tradingcore.adapters.config;

/**
 * A bad argument or a bad configuration: the message names where the value came from (a file, an
 * environment variable or a command line flag), the key, the value and what is allowed. The launcher
 * prints the message and exits with code 2.
 */
public final class ConfigException extends Exception
{
    public ConfigException(final String message)
    {
        super(message);
    }

    public ConfigException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
