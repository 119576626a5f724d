package io.tradingcore.core.kraken;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonNumberTest
{
    private static String scale(final String text, final int scale, final boolean halfEven)
    {
        final JsonCursor json = new JsonCursor();
        json.wrap(Fixtures.exact(text), 0, text.length());
        assertTrue(json.readNumber(), text);
        final int error = json.number().scale(scale, halfEven);
        return error == ParseError.NONE ? Long.toString(json.number().value()) : ParseError.name(error);
    }

    @ParameterizedTest
    @CsvSource({
        "0.5666, 4, 5666",
        "0.566, 4, 5660",
        "18097.1547, 8, 1809715470000",
        "62807.0, 1, 628070",
        "62806.6, 1, 628066",
        "0.00000000, 8, 0",
        "0.00000100, 8, 100",
        "740.0, 8, 74000000000",
        "-0.00017, 5, -17",
        "-0, 2, 0",
        "0, 8, 0",
        "4665846, 0, 4665846",
        "6.28e4, 1, 628000",
        "1e-08, 8, 1",
        "5E-05, 8, 5000",
        "1E+2, 0, 100",
        "628066e-1, 1, 628066",
        "0.56660000, 4, 5666",
        "1.50000000000000000000000000000, 1, 15",
        "0.000000000000000000000000000000, 2, 0",
        "0e400, 8, 0",
        "9223372036854775807, 0, 9223372036854775807",
        "-9223372036854775807, 0, -9223372036854775807",
        "92233720368547758.07, 2, 9223372036854775807",
        "0.56661, 4, precision_exceeded",
        "1e-09, 8, precision_exceeded",
        "1e-400, 8, precision_exceeded",
        "0.5, 0, precision_exceeded",
        "99999999999999999999999, 0, number_overflow",
        "9223372036854775808, 0, number_overflow",
        "1e400, 0, number_overflow",
        "1, 19, number_overflow",
        "92233720368.54775808, 8, number_overflow",
    })
    void exactScaling(final String text, final int scale, final String expected)
    {
        assertEquals(expected, scale(text, scale, false));
    }

    @ParameterizedTest
    @CsvSource({
        "0.101485, 5, 10148",
        "0.101475, 5, 10148",
        "0.1014851, 5, 10149",
        "0.1014849999, 5, 10148",
        "-0.125, 2, -12",
        "-0.135, 2, -14",
        "-0.17, 2, -17",
        "0.004, 2, 0",
        "0.005, 2, 0",
        "0.015, 2, 2",
        "0.0051, 2, 1",
        "0.0009, 2, 0",
        "9.5e-3, 2, 1",
        "1e-400, 8, 0",
        "0.10148000000000000000000000000000001, 5, 10148",
        "9223372036854775807.5, 0, number_overflow",
        "9223372036854775806.5, 0, 9223372036854775806",
    })
    void halfEvenRounding(final String text, final int scale, final String expected)
    {
        assertEquals(expected, scale(text, scale, true));
    }

    @ParameterizedTest
    @CsvSource({
        "62807.0, 1",
        "0.00000000, 8",
        "1e-08, 8",
        "5e-05, 5",
        "6.28e4, 0",
        "1.5e-3, 4",
        "5, 0",
        "-0.5666, 4",
    })
    void textScaleCountsTheDigitsTheTextCarries(final String text, final int expected)
    {
        final JsonCursor json = new JsonCursor();
        json.wrap(Fixtures.exact(text), 0, text.length());
        assertTrue(json.readNumber());
        assertEquals(expected, json.number().textScale());
    }
}
