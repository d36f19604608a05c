package io.github.exchangeblocks.diff.codec;

import java.math.BigDecimal;

/**
 * {@code req_transfer}: move money between bank and futures account. Passwords in the request are not kept.
 *
 * @param futureAccount the futures account, non-empty
 * @param bankId the bank id, {@code ""} when absent
 * @param currency the currency, non-empty
 * @param amount the exact amount, non-zero: positive deposits into the futures account, negative withdraws
 */
public record ReqTransfer(String futureAccount, String bankId, String currency, BigDecimal amount)
        implements ClientMessage {
    /** The aid. */
    public static final String AID = "req_transfer";

    @Override
    public String aid() {
        return AID;
    }
}
