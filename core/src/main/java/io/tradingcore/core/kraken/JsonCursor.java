package io.tradingcore.core.kraken;

import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * A forward-only JSON reader over one frame held in a {@link DirectBuffer}: no tree, no Strings,
 * no allocation. Keys and string values are slices of the buffer (escapes validated, not decoded).
 * It never reads outside the wrapped range. The first failure sticks: it records a
 * {@link ParseError} and the position, and every later call fails at once, so callers may read
 * several fields and check once.
 */
public final class JsonCursor
{
    /** {@link #nextMember} / {@link #nextElement}: positioned at a value. */
    public static final int VALUE = 1;
    /** {@link #nextMember} / {@link #nextElement}: the container closed. */
    public static final int END = 0;
    public static final int FAILED = -1;

    /** Nesting {@link #skipValue} accepts (one bit per level); Kraken frames nest 4 deep. */
    private static final int MAX_DEPTH = 64;

    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
    private static final long SPACES = 0x2020202020202020L;

    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    private final JsonNumber number = new JsonNumber();
    private DirectBuffer buffer;
    private int pos;
    private int end;
    private int error;
    private int errorPosition;
    private int keyOffset;
    private int keyLength;
    private int stringOffset;
    private int stringLength;
    private boolean booleanValue;

    public void wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        pos = offset;
        end = offset + length;
        error = ParseError.NONE;
        errorPosition = -1;
    }

    public int position()
    {
        return pos;
    }

    /** Rewinds to a position returned earlier by {@link #position()} (a look-ahead). */
    public void position(final int position)
    {
        pos = position;
    }

    /** Absolute buffer index just past the wrapped range. */
    public int end()
    {
        return end;
    }

    public boolean failed()
    {
        return error != ParseError.NONE;
    }

    /** A {@link ParseError} value. */
    public int error()
    {
        return error;
    }

    /** Absolute buffer index where the first failure happened. */
    public int errorPosition()
    {
        return errorPosition;
    }

    /** Records {@code error} at the current position unless a failure is already recorded; returns false. */
    public boolean fail(final int error)
    {
        if (this.error == ParseError.NONE)
        {
            this.error = error;
            errorPosition = pos;
        }
        return false;
    }

    /** True if only whitespace is left; otherwise fails with SYNTAX. */
    public boolean atEnd()
    {
        if (failed())
        {
            return false;
        }
        skipWhitespace();
        return pos == end || fail(ParseError.SYNTAX);
    }

    /** Expects an object at the current value and enters it. */
    public boolean beginObject()
    {
        return enter((byte)'{');
    }

    /** Expects an array at the current value and enters it. */
    public boolean beginArray()
    {
        return enter((byte)'[');
    }

    /**
     * Moves to the next member of the object entered last: {@link #VALUE} with the key in
     * {@link #keyIs} and the position at its value, {@link #END} past the closing brace, or FAILED.
     * {@code first} is true for the first call after {@link #beginObject()}.
     */
    public int nextMember(final boolean first)
    {
        if (!nextItem(first, (byte)'}'))
        {
            return failed() ? FAILED : END;
        }
        if (buffer.getByte(pos) != '"')
        {
            fail(ParseError.SYNTAX);
            return FAILED;
        }
        final int keyStart = pos + 1;
        if (!scanString())
        {
            return FAILED;
        }
        keyOffset = keyStart;
        keyLength = pos - 1 - keyStart;
        skipWhitespace();
        if (pos == end)
        {
            fail(ParseError.TRUNCATED);
            return FAILED;
        }
        if (buffer.getByte(pos) != ':')
        {
            fail(ParseError.SYNTAX);
            return FAILED;
        }
        pos++;
        skipWhitespace();
        if (pos == end)
        {
            fail(ParseError.TRUNCATED);
            return FAILED;
        }
        return VALUE;
    }

    /** Like {@link #nextMember} for the array entered last: {@link #VALUE} positioned at the next element. */
    public int nextElement(final boolean first)
    {
        if (!nextItem(first, (byte)']'))
        {
            return failed() ? FAILED : END;
        }
        return VALUE;
    }

    /** True if the current member's key is exactly {@code key} (raw bytes). */
    public boolean keyIs(final byte[] key)
    {
        return sliceIs(keyOffset, keyLength, key);
    }

    /** Reads a string value; its raw content is then {@link #stringOffset()}/{@link #stringLength()}. */
    public boolean readString()
    {
        if (!atValue((byte)'"'))
        {
            return false;
        }
        final int start = pos + 1;
        if (!scanString())
        {
            return false;
        }
        stringOffset = start;
        stringLength = pos - 1 - start;
        return true;
    }

    public int stringOffset()
    {
        return stringOffset;
    }

    public int stringLength()
    {
        return stringLength;
    }

    /** True if the last string read is exactly {@code text}. */
    public boolean stringIs(final byte[] text)
    {
        return sliceIs(stringOffset, stringLength, text);
    }

    /** Reads a number value; its layout is then in {@link #number()}. */
    public boolean readNumber()
    {
        return atValue((byte)'0') && scanNumber();
    }

    public JsonNumber number()
    {
        return number;
    }

    public boolean readBoolean()
    {
        if (!atValue((byte)'t'))
        {
            return false;
        }
        booleanValue = buffer.getByte(pos) == 't';
        return literal(booleanValue ? TRUE : FALSE);
    }

    public boolean booleanValue()
    {
        return booleanValue;
    }

    /**
     * True if a delimiter follows the value just read: a number running into the end of the input or
     * into other bytes may be cut short, so its text must not be trusted for its scale.
     */
    public boolean atDelimiter()
    {
        if (pos == end)
        {
            return false;
        }
        final byte c = buffer.getByte(pos);
        return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    /** True if the current value is a JSON object (does not move). */
    public boolean atObject()
    {
        skipWhitespace();
        return pos < end && buffer.getByte(pos) == '{';
    }

    /** True if the current value is a JSON string (does not move). */
    public boolean atString()
    {
        skipWhitespace();
        return pos < end && buffer.getByte(pos) == '"';
    }

    /** Skips one whole value of any type, validating its syntax, iteratively (no recursion). */
    public boolean skipValue()
    {
        if (failed())
        {
            return false;
        }
        long objects = 0; // one bit per open container: 1 = object, 0 = array
        int depth = 0;
        while (true)
        {
            skipWhitespace();
            if (pos == end)
            {
                return fail(ParseError.TRUNCATED);
            }
            final byte c = buffer.getByte(pos);
            boolean closed = true;
            if (c == '{' || c == '[')
            {
                if (depth == MAX_DEPTH)
                {
                    return fail(ParseError.SYNTAX);
                }
                objects = objects << 1 | (c == '{' ? 1 : 0);
                depth++;
                pos++;
                skipWhitespace();
                if (pos == end)
                {
                    return fail(ParseError.TRUNCATED);
                }
                if (buffer.getByte(pos) == (c == '{' ? '}' : ']'))
                {
                    pos++;
                    objects >>>= 1;
                    depth--;
                }
                else if (c == '{')
                {
                    closed = false;
                    if (!memberKey())
                    {
                        return false;
                    }
                }
                else
                {
                    closed = false;
                }
            }
            else if (c == '"')
            {
                if (!scanString())
                {
                    return false;
                }
            }
            else if (c == '-' || (c >= '0' && c <= '9'))
            {
                if (!scanNumber())
                {
                    return false;
                }
            }
            else if (c == 't' || c == 'f' || c == 'n')
            {
                if (!literal(c == 't' ? TRUE : c == 'f' ? FALSE : NULL))
                {
                    return false;
                }
            }
            else
            {
                return fail(ParseError.SYNTAX);
            }

            // after a complete value: close containers, or step to the next value inside one
            while (closed)
            {
                if (depth == 0)
                {
                    return true;
                }
                skipWhitespace();
                if (pos == end)
                {
                    return fail(ParseError.TRUNCATED);
                }
                final byte next = buffer.getByte(pos);
                final boolean inObject = (objects & 1) == 1;
                if (next == ',')
                {
                    pos++;
                    if (inObject && !memberKey())
                    {
                        return false;
                    }
                    closed = false;
                }
                else if (next == (inObject ? '}' : ']'))
                {
                    pos++;
                    objects >>>= 1;
                    depth--;
                }
                else
                {
                    return fail(ParseError.SYNTAX);
                }
            }
        }
    }

    private boolean enter(final byte open)
    {
        if (!atValue(open))
        {
            return false;
        }
        pos++;
        return true;
    }

    /** Steps over whitespace and the separator: true when at an item, false at the close (or on failure). */
    private boolean nextItem(final boolean first, final byte close)
    {
        if (failed())
        {
            return false;
        }
        skipWhitespace();
        if (pos == end)
        {
            return fail(ParseError.TRUNCATED);
        }
        final byte c = buffer.getByte(pos);
        if (c == close)
        {
            pos++;
            return false;
        }
        if (!first)
        {
            if (c != ',')
            {
                return fail(ParseError.SYNTAX);
            }
            pos++;
            skipWhitespace();
            if (pos == end)
            {
                return fail(ParseError.TRUNCATED);
            }
            if (buffer.getByte(pos) == close)
            {
                return fail(ParseError.SYNTAX);
            }
        }
        return true;
    }

    /** Inside {@link #skipValue}: reads {@code "key":} and leaves the position before the value. */
    private boolean memberKey()
    {
        skipWhitespace();
        if (pos == end)
        {
            return fail(ParseError.TRUNCATED);
        }
        if (buffer.getByte(pos) != '"')
        {
            return fail(ParseError.SYNTAX);
        }
        if (!scanString())
        {
            return false;
        }
        skipWhitespace();
        if (pos == end)
        {
            return fail(ParseError.TRUNCATED);
        }
        if (buffer.getByte(pos) != ':')
        {
            return fail(ParseError.SYNTAX);
        }
        pos++;
        return true;
    }

    /**
     * Checks that the current value starts with {@code first} (a digit stands for any number).
     * A different JSON value is WRONG_TYPE, anything else SYNTAX, nothing TRUNCATED.
     */
    private boolean atValue(final byte first)
    {
        if (failed())
        {
            return false;
        }
        skipWhitespace();
        if (pos == end)
        {
            return fail(ParseError.TRUNCATED);
        }
        final byte c = buffer.getByte(pos);
        final boolean isNumber = c == '-' || (c >= '0' && c <= '9');
        if (first == '0' ? isNumber : first == 't' ? c == 't' || c == 'f' : c == first)
        {
            return true;
        }
        final boolean isValue = isNumber || c == '{' || c == '[' || c == '"' || c == 't' || c == 'f' || c == 'n';
        return fail(isValue ? ParseError.WRONG_TYPE : ParseError.SYNTAX);
    }

    /** At an opening quote: moves past the closing one, validating escapes and rejecting control characters. */
    private boolean scanString()
    {
        int i = pos + 1;
        while (i < end)
        {
            i = nextSpecial(i);
            if (i == end)
            {
                break;
            }
            final byte c = buffer.getByte(i);
            if (c == '"')
            {
                pos = i + 1;
                return true;
            }
            if (c == '\\')
            {
                if (i + 1 == end)
                {
                    pos = end;
                    return fail(ParseError.TRUNCATED);
                }
                final byte e = buffer.getByte(i + 1);
                if (e == 'u')
                {
                    for (int h = i + 2; h < i + 6; h++)
                    {
                        if (h == end)
                        {
                            pos = end;
                            return fail(ParseError.TRUNCATED);
                        }
                        if (!isHex(buffer.getByte(h)))
                        {
                            pos = h;
                            return fail(ParseError.SYNTAX);
                        }
                    }
                    i += 6;
                }
                else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't')
                {
                    i += 2;
                }
                else
                {
                    pos = i;
                    return fail(ParseError.SYNTAX);
                }
            }
            else
            {
                pos = i; // a control character: the only other byte nextSpecial stops at
                return fail(ParseError.SYNTAX);
            }
        }
        pos = end;
        return fail(ParseError.TRUNCATED);
    }

    /**
     * The first index from {@code from} holding a quote, a backslash or a control character, or {@link #end}
     * if a byte by byte look is needed for the last few bytes: eight bytes a step (SWAR), so a key or a
     * symbol costs one or two loads instead of a call and three compares per byte. Only the lowest flagged
     * byte of a word is exact, and only it is used.
     */
    private int nextSpecial(final int from)
    {
        int i = from;
        while (i + Long.BYTES <= end)
        {
            final long word = buffer.getLong(i, ByteOrder.LITTLE_ENDIAN);
            final long special = zeroBytes(word ^ QUOTES) | zeroBytes(word ^ BACKSLASHES)
                | ((word - SPACES) & ~word & HIGH_BITS);
            if (special != 0)
            {
                return i + (Long.numberOfTrailingZeros(special) >>> 3);
            }
            i += Long.BYTES;
        }
        while (i < end)
        {
            final byte c = buffer.getByte(i);
            if (c == '"' || c == '\\' || (c >= 0 && c < 0x20))
            {
                return i;
            }
            i++;
        }
        return end;
    }

    /** The high bit of each byte of {@code word} that is zero (exact for the lowest such byte). */
    private static long zeroBytes(final long word)
    {
        return (word - LOW_BITS) & ~word & HIGH_BITS;
    }

    /** At a '-' or digit: scans {@code -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?} into {@link #number}. */
    private boolean scanNumber()
    {
        int i = pos;
        final boolean negative = buffer.getByte(i) == '-';
        if (negative)
        {
            i++;
        }
        final int intStart = i;
        if (i == end)
        {
            pos = i;
            return fail(ParseError.TRUNCATED);
        }
        final byte lead = buffer.getByte(i);
        if (lead == '0')
        {
            i++;
        }
        else if (lead >= '1' && lead <= '9')
        {
            i = digits(i);
        }
        else
        {
            pos = i;
            return fail(ParseError.SYNTAX);
        }
        final int intDigits = i - intStart;
        int fractionStart = i;
        int fractionDigits = 0;
        if (i < end && buffer.getByte(i) == '.')
        {
            fractionStart = i + 1;
            i = digits(fractionStart);
            fractionDigits = i - fractionStart;
            if (fractionDigits == 0)
            {
                pos = i;
                return fail(i == end ? ParseError.TRUNCATED : ParseError.SYNTAX);
            }
        }
        int exponent = 0;
        if (i < end && (buffer.getByte(i) == 'e' || buffer.getByte(i) == 'E'))
        {
            i++;
            boolean negativeExponent = false;
            if (i < end && (buffer.getByte(i) == '+' || buffer.getByte(i) == '-'))
            {
                negativeExponent = buffer.getByte(i) == '-';
                i++;
            }
            final int exponentStart = i;
            while (i < end && isDigit(buffer.getByte(i)))
            {
                exponent = Math.min(JsonNumber.EXPONENT_LIMIT, exponent * 10 + buffer.getByte(i) - '0');
                i++;
            }
            if (i == exponentStart)
            {
                pos = i;
                return fail(i == end ? ParseError.TRUNCATED : ParseError.SYNTAX);
            }
            if (negativeExponent)
            {
                exponent = -exponent;
            }
        }
        number.set(buffer, negative, intStart, intDigits, fractionStart, fractionDigits, exponent);
        pos = i;
        return true;
    }

    private int digits(final int from)
    {
        int i = from;
        while (i < end && isDigit(buffer.getByte(i)))
        {
            i++;
        }
        return i;
    }

    private boolean literal(final byte[] text)
    {
        for (int i = 0; i < text.length; i++)
        {
            if (pos == end)
            {
                return fail(ParseError.TRUNCATED);
            }
            if (buffer.getByte(pos) != text[i])
            {
                return fail(ParseError.SYNTAX);
            }
            pos++;
        }
        return true;
    }

    private void skipWhitespace()
    {
        while (pos < end)
        {
            final byte c = buffer.getByte(pos);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
            {
                return;
            }
            pos++;
        }
    }

    private boolean sliceIs(final int offset, final int length, final byte[] text)
    {
        if (length != text.length)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (buffer.getByte(offset + i) != text[i])
            {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(final byte c)
    {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(final byte c)
    {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
