package io.tradingcore.core.kraken;

/** Why a frame (or part of it) was rejected; reported with the frame to {@code kraken:errors}. */
public final class ParseError
{
    public static final int NONE = 0;
    /** The JSON ends before the document does (cut frame). */
    public static final int TRUNCATED = 1;
    /** Not JSON, or a token where JSON allows none. */
    public static final int SYNTAX = 2;
    /** A field of the wrong JSON type (a string where a number belongs, an object where an array does). */
    public static final int WRONG_TYPE = 3;
    /** A required field is missing (a book item without a symbol or checksum). */
    public static final int MISSING_FIELD = 4;
    /** A number that does not fit a scaled long at the symbol's precision. */
    public static final int NUMBER_OVERFLOW = 5;
    /** A number with more fractional digits than the symbol's precision: scaling would lose value. */
    public static final int PRECISION_EXCEEDED = 6;
    /** A symbol that is neither configured nor listed by the instrument channel. */
    public static final int SYMBOL_REJECTED = 7;
    /** More book levels in one message than the book can hold. */
    public static final int TOO_MANY_LEVELS = 8;
    /** The frame did not fit the ring slot and was rejected before parsing. */
    public static final int OVERSIZED = 9;
    /** A well-formed value no market has: a price not above 0, a negative quantity, a depth Kraken does not serve. */
    public static final int VALUE_OUT_OF_RANGE = 10;
    /** Bytes that are not UTF-8: the frame is rejected before any of its text is used. */
    public static final int INVALID_UTF8 = 11;

    public static final int COUNT = 12;

    private static final String[] NAMES = {
        "none", "truncated", "syntax", "wrong_type", "missing_field", "number_overflow", "precision_exceeded",
        "symbol_rejected", "too_many_levels", "oversized", "value_out_of_range", "invalid_utf8"
    };

    private ParseError()
    {
    }

    public static String name(final int error)
    {
        return error >= 0 && error < COUNT ? NAMES[error] : "invalid";
    }
}
