package io.tradingcore.run;

/** An argument that passed configuration checks but names something unusable (a missing replay file): exit code 2. */
final class BadInputException extends Exception
{
    private static final long serialVersionUID = 1L;

    BadInputException(final String message)
    {
        super(message);
    }
}
