package io.tradingcore.core.kraken;

import org.agrona.DirectBuffer;

/**
 * Receives what {@link KrakenFrameParser} finds in one frame, in wire order. Every argument is a
 * primitive or a reused flyweight: nothing here allocates. Strings that only matter for reports
 * (an ack's error text) are passed as a slice of the frame buffer, valid during the call only.
 */
public interface FrameHandler
{
    /** {@code system} is an {@link ExchangeStatus} value. */
    void onStatus(int system);

    void onHeartbeat();

    /**
     * A method response. {@code method} is the method name slice (subscribe, unsubscribe, add_order...);
     * {@code channel} a {@link Channel} value or -1; {@code symbolId} -1 when the ack names no symbol
     * (failure acks often do not); {@code reqId} -1 when absent; the error slice has length 0 on success.
     */
    void onMethodResponse(
        DirectBuffer frame, int methodOffset, int methodLength, boolean success, int channel, int symbolId, long reqId,
        int errorOffset, int errorLength);

    void onPong(long reqId);

    /** A successful book subscribe ack named the depth Kraken keeps this symbol's book at (one it serves). */
    void onBookDepth(int symbolId, int depth);

    void onTicker(TickerUpdate ticker);

    void onTrade(TradePrint trade);

    /** A book item starts; levels follow in wire order, then {@link #onBookEnd}. */
    void onBookBegin(int symbolId, boolean snapshot);

    /** One level: {@code side} is {@link Side#BID} or {@link Side#ASK}; qty 0 deletes. Scaled longs. */
    void onBookLevel(int symbolId, int side, long price, long qty);

    /** The book item is complete: apply, truncate, verify {@code checksum} (an unsigned 32-bit value). */
    void onBookEnd(int symbolId, long checksum, long exchangeMicros);

    void onCandle(CandleUpdate candle);

    /**
     * The instrument channel lists this pair at this precision: {@code symbol} is a slice of the frame, valid
     * during the call, and may name a pair never configured (the snapshot lists every pair Kraken has).
     */
    void onInstrument(DirectBuffer frame, int symbolOffset, int symbolLength, int pricePrecision, int qtyPrecision);

    /**
     * The symbol's precision was unknown, so the scale of its number text is used for the rest of the item:
     * each precision as the parser now holds it, -1 for one still unknown. Comes before the value it scaled.
     */
    void onWirePrecision(int symbolId, int pricePrecision, int qtyPrecision);

    /**
     * The frame, or the item in progress, was rejected: {@code error} is a {@link ParseError} value,
     * {@code channel} what the frame was classified as so far, {@code symbolId} the item's symbol or -1,
     * {@code position} the byte offset in the frame where parsing stopped.
     */
    void onError(int error, int channel, int symbolId, int position);
}
