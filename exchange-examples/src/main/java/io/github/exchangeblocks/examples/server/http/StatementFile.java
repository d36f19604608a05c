package io.github.exchangeblocks.examples.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.exchangeblocks.api.settlement.AccountStatement;
import io.github.exchangeblocks.api.settlement.PositionStatement;

import java.util.ArrayList;
import java.util.List;

/**
 * The file format of one settled day's statements, {@code settlements/<yyyymmdd>.json} in the data directory:
 * exact integers (money in minor units, prices in ticks, rates in units of 1e-8), versioned.
 *
 * <pre>
 * {"format": "exchange-blocks-statements", "version": 1, "trading_day": 20261207,
 *  "statements": [{"account_id", "user", "pre_balance", "deposit", "withdraw", "close_profit", "commission",
 *                  "position_profit", "balance", "margin", "available", "risk_ratio_e8",
 *                  "positions": [{"instrument_id", "settlement_price_ticks", "volume_long", "volume_short",
 *                                 "settled_profit", "margin_long", "margin_short"}]}]}
 * </pre>
 */
final class StatementFile {
    static final String FORMAT = "exchange-blocks-statements";
    static final int VERSION = 1;

    private StatementFile() {
    }

    static byte[] write(int tradingDay, List<AccountStatement> statements) {
        ObjectNode root = Json.object().put("format", FORMAT).put("version", VERSION).put("trading_day", tradingDay);
        ArrayNode items = root.putArray("statements");
        for (AccountStatement s : statements) {
            ObjectNode item = items.addObject().put("account_id", s.accountId()).put("user", s.userName())
                    .put("pre_balance", s.preBalance()).put("deposit", s.deposit()).put("withdraw", s.withdraw())
                    .put("close_profit", s.closeProfit()).put("commission", s.commission())
                    .put("position_profit", s.positionProfit()).put("balance", s.balance())
                    .put("margin", s.margin()).put("available", s.available())
                    .put("risk_ratio_e8", s.riskRatioE8());
            ArrayNode positions = item.putArray("positions");
            for (PositionStatement p : s.positions()) {
                positions.addObject().put("instrument_id", p.instrumentId())
                        .put("settlement_price_ticks", p.settlementPriceTicks()).put("volume_long", p.volumeLong())
                        .put("volume_short", p.volumeShort()).put("settled_profit", p.settledProfit())
                        .put("margin_long", p.marginLong()).put("margin_short", p.marginShort());
            }
        }
        return Json.write(root);
    }

    /**
     * @throws IllegalArgumentException if the bytes are not a version-1 statements file (the message says why)
     */
    static List<AccountStatement> read(byte[] bytes) {
        JsonNode root;
        try {
            root = Json.parse(bytes);
        } catch (ApiException e) {
            throw new IllegalArgumentException("not a statements file: " + e.getMessage(), e);
        }
        if (!FORMAT.equals(root.path("format").asText()) || root.path("version").asInt() != VERSION) {
            throw new IllegalArgumentException("format must be " + FORMAT + " version " + VERSION);
        }
        int day = (int) number(root, "trading_day");
        List<AccountStatement> statements = new ArrayList<>();
        for (JsonNode s : root.path("statements")) {
            List<PositionStatement> positions = new ArrayList<>();
            for (JsonNode p : s.path("positions")) {
                positions.add(new PositionStatement(text(p, "instrument_id"), number(p, "settlement_price_ticks"),
                        number(p, "volume_long"), number(p, "volume_short"), number(p, "settled_profit"),
                        number(p, "margin_long"), number(p, "margin_short")));
            }
            statements.add(new AccountStatement(day, (int) number(s, "account_id"), text(s, "user"),
                    number(s, "pre_balance"), number(s, "deposit"), number(s, "withdraw"), number(s, "close_profit"),
                    number(s, "commission"), number(s, "position_profit"), number(s, "balance"), number(s, "margin"),
                    number(s, "available"), number(s, "risk_ratio_e8"), positions));
        }
        return statements;
    }

    private static long number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException(field + " must be a whole number");
        }
        return value.longValue();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return value.textValue();
    }
}
