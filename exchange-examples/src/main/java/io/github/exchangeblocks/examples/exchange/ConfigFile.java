package io.github.exchangeblocks.examples.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.exchangeblocks.api.book.SelfTradePrevention;
import io.github.exchangeblocks.api.instrument.CloseRule;
import io.github.exchangeblocks.api.instrument.CommissionRate;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.github.exchangeblocks.engine.risk.RiskChain;
import io.github.exchangeblocks.engine.settlement.LiquidationPolicy;
import io.github.exchangeblocks.engine.venue.VenueSettings;
import io.github.exchangeblocks.wal.DurabilityMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the exchange's configuration from a JSON file. Every key is optional and defaults to
 * {@link Defaults#config(Path)}; unknown keys are refused (a typo must not silently fall back to a default). Money
 * in minor units, prices in ticks, rates scaled by 1e8 ({@code 10000000} = 10%).
 *
 * <pre>{@code
 * {
 *   "durability": "GROUP",              // NONE | GROUP | SYNC_EACH
 *   "queueSize": 65536,                 // power of two
 *   "snapshotInterval": 100000,         // commands between snapshots, 0 = none
 *   "firstTradingDay": 20261207,
 *   "moneyScale": 2,
 *   "selfTradePrevention": "CANCEL_INCOMING",
 *   "marketCollarE8": 5000000,
 *   "risk": {"maxOrderVolume": 1000, "maxPosition": 10000, "maxOpenOrders": 1000},
 *   "liquidation": {"thresholdE8": 100000000, "targetE8": 80000000, "closeAll": false},
 *   "instruments": [{"id": "SHFE.cu2512", "priceScale": 0, "tickSize": 10, "volumeMultiple": 5, "lotSize": 1,
 *       "longMarginRateE8": 10000000, "shortMarginRateE8": 10000000,
 *       "openCommission": {"perLot": 300}, "closeCommission": {"perLot": 300},
 *       "closeTodayCommission": {"rateE8": 2300}, "limitRateE8": 0, "maxOrderVolume": 100,
 *       "closeRule": "TODAY_EXPLICIT"}],
 *   "users": [{"name": "alice", "deposit": 100000000}]
 * }
 * }</pre>
 * Instruments and users are the bootstrap of a new exchange: on an existing journal they are ignored (list more
 * through commands).
 */
public final class ConfigFile {
    private static final Set<String> KEYS = Set.of("durability", "queueSize", "snapshotInterval", "firstTradingDay",
            "moneyScale", "selfTradePrevention", "marketCollarE8", "risk", "liquidation", "instruments", "users");

    private ConfigFile() {
    }

    /**
     * Reads a configuration file.
     *
     * @param file          the JSON file
     * @param dataDirectory where the journal and snapshots live
     * @return the validated configuration
     * @throws IllegalArgumentException naming the key and the rule if the file is not a valid configuration
     * @throws IOException              if the file cannot be read
     */
    public static CoreConfig load(Path file, Path dataDirectory) throws IOException {
        return parse(Files.readString(file), dataDirectory);
    }

    /**
     * Parses configuration text.
     *
     * @param json          the JSON text
     * @param dataDirectory where the journal and snapshots live
     * @return the validated configuration
     * @throws IllegalArgumentException naming the key and the rule if the text is not a valid configuration
     */
    public static CoreConfig parse(String json, Path dataDirectory) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("configuration is not valid JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("configuration must be a JSON object");
        }
        checkKeys(root, KEYS, "");
        CoreConfig defaults = Defaults.config(dataDirectory);
        VenueSettings.Builder venue = VenueSettings.builder()
                .moneyScale(integer(root, "moneyScale", 2))
                .selfTradePrevention(SelfTradePrevention.valueOf(word(root, "selfTradePrevention",
                        "CANCEL_INCOMING", SelfTradePrevention.class)))
                .marketCollarE8(number(root, "marketCollarE8", 5_000_000));
        JsonNode risk = object(root, "risk");
        venue.riskChain(RiskChain.standard(number(risk, "maxOrderVolume", 1_000), number(risk, "maxPosition", 10_000),
                integer(risk, "maxOpenOrders", 1_000)));
        JsonNode liquidation = object(root, "liquidation");
        LiquidationPolicy standard = LiquidationPolicy.standard();
        venue.liquidationPolicy(new LiquidationPolicy(number(liquidation, "thresholdE8", standard.thresholdE8()),
                number(liquidation, "targetE8", standard.targetE8()),
                liquidation.path("closeAll").asBoolean(standard.closeAll())));
        List<InstrumentSpec> instruments = new ArrayList<>();
        if (root.has("instruments")) {
            int i = 0;
            for (JsonNode node : array(root, "instruments")) {
                instruments.add(instrument(node, "instruments[" + i++ + "]"));
            }
        } else {
            instruments.addAll(List.of(Defaults.COPPER, Defaults.INDEX, Defaults.BITCOIN));
        }
        List<ExchangeCommand> bootstrap = new ArrayList<>(Defaults.bootstrap(instruments, List.of(), 0));
        if (root.has("users")) {
            int i = 0;
            for (JsonNode user : array(root, "users")) {
                String at = "users[" + i++ + "]";
                checkKeys(user, Set.of("name", "deposit"), at + ".");
                bootstrap.add(new ExchangeCommand.RegisterUser(text(user, "name", at)));
                long deposit = number(user, "deposit", 0);
                if (deposit > 0) {
                    bootstrap.add(new ExchangeCommand.Deposit(user.get("name").asText(), deposit));
                }
            }
        } else {
            bootstrap.addAll(Defaults.bootstrap(List.of(), Defaults.DEMO_USERS, Defaults.DEMO_DEPOSIT));
        }
        return new CoreConfig(dataDirectory,
                DurabilityMode.valueOf(word(root, "durability", "GROUP", DurabilityMode.class)),
                integer(root, "queueSize", defaults.queueSize()),
                integer(root, "snapshotInterval", defaults.snapshotInterval()),
                integer(root, "firstTradingDay", defaults.firstTradingDay()), venue.build(), bootstrap);
    }

    private static InstrumentSpec instrument(JsonNode node, String at) {
        checkKeys(node, Set.of("id", "priceScale", "tickSize", "volumeMultiple", "lotSize", "longMarginRateE8",
                "shortMarginRateE8", "openCommission", "closeCommission", "closeTodayCommission", "limitRateE8",
                "maxOrderVolume", "closeRule"), at + ".");
        return new InstrumentSpec(text(node, "id", at), integer(node, "priceScale", 0), number(node, "tickSize", 1),
                number(node, "volumeMultiple", 1), number(node, "lotSize", 1),
                number(node, "longMarginRateE8", 10_000_000), number(node, "shortMarginRateE8", 10_000_000),
                commission(node, "openCommission", at), commission(node, "closeCommission", at),
                commission(node, "closeTodayCommission", at), number(node, "limitRateE8", 0),
                number(node, "maxOrderVolume", 100),
                CloseRule.valueOf(word(node, "closeRule", "HISTORY_FIRST", CloseRule.class)));
    }

    private static CommissionRate commission(JsonNode node, String key, String at) {
        JsonNode rate = node.path(key);
        if (rate.isMissingNode()) {
            return CommissionRate.FREE;
        }
        if (!rate.isObject()) {
            throw new IllegalArgumentException(at + "." + key + " must be an object {\"perLot\": n, \"rateE8\": n}");
        }
        checkKeys(rate, Set.of("perLot", "rateE8"), at + "." + key + ".");
        return new CommissionRate(number(rate, "perLot", 0), number(rate, "rateE8", 0));
    }

    private static void checkKeys(JsonNode node, Set<String> allowed, String at) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(at + " must be a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException(at + name + " is not a configuration key; allowed: "
                        + new java.util.TreeSet<>(allowed));
            }
        }
    }

    private static JsonNode object(JsonNode root, String key) {
        JsonNode node = root.path(key);
        if (node.isMissingNode()) {
            return new ObjectMapper().createObjectNode();
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(key + " must be a JSON object");
        }
        return node;
    }

    private static JsonNode array(JsonNode root, String key) {
        JsonNode node = root.get(key);
        if (!node.isArray()) {
            throw new IllegalArgumentException(key + " must be a JSON array");
        }
        return node;
    }

    private static long number(JsonNode node, String key, long fallback) {
        JsonNode value = node.path(key);
        if (value.isMissingNode()) {
            return fallback;
        }
        if (!value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            throw new IllegalArgumentException(key + "=" + value + " must be a whole number");
        }
        return value.asLong();
    }

    private static int integer(JsonNode node, String key, int fallback) {
        long value = number(node, key, fallback);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(key + "=" + value + " must fit in 32 bits");
        }
        return (int) value;
    }

    private static String text(JsonNode node, String key, String at) {
        JsonNode value = node.path(key);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(at + "." + key + " must be a non-blank string");
        }
        return value.asText();
    }

    private static <E extends Enum<E>> String word(JsonNode node, String key, String fallback, Class<E> type) {
        JsonNode value = node.path(key);
        if (value.isMissingNode()) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value.asText()) && value.isTextual()) {
                return constant.name();
            }
        }
        throw new IllegalArgumentException(key + "=" + value + " must be one of "
                + java.util.Arrays.toString(type.getEnumConstants()));
    }
}
