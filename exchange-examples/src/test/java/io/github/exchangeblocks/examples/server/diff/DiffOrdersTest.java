package io.github.exchangeblocks.examples.server.diff;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.diff.codec.CancelOrder;
import io.github.exchangeblocks.diff.codec.InsertOrder;
import io.github.exchangeblocks.diff.codec.ReqTransfer;
import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.examples.exchange.Defaults;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DiffOrdersTest {
    @TempDir
    Path dir;

    private DiffGateway gateway;
    private DiffOrders orders;

    @BeforeEach
    void setUp() {
        gateway = new DiffGateway(DiffGatewayConfig.defaults(dir).withPasswordIterations(1000), 2);
        gateway.specs.put(Defaults.INDEX.instrumentId(), Defaults.INDEX);
        gateway.specs.put(Defaults.COPPER.instrumentId(), Defaults.COPPER);
        orders = new DiffOrders(gateway);
    }

    @AfterEach
    void tearDown() {
        gateway.close();
    }

    private static InsertOrder limit(String user, String exchange, String code, String price) {
        return new InsertOrder(user, "o1", exchange, code, Side.BUY, Offset.OPEN, 2, OrderType.LIMIT,
                new BigDecimal(price), TimeInForce.FOK);
    }

    @Test
    void shouldTurnADecimalPriceIntoExactTicksWhenItIsOnTheTick() {
        Object command = orders.insert("alice", limit("alice", "CFFEX", "IF2512", "4000.2"));
        assertThat(command).isEqualTo(new ExchangeCommand.InsertOrder("alice", "o1", "CFFEX.IF2512", Side.BUY,
                Offset.OPEN, OrderType.LIMIT, TimeInForce.FOK, 20_001, 2, 0));
        assertThat(((ExchangeCommand.InsertOrder) orders.insert("alice", limit("alice", "SHFE", "cu2512",
                "70010.000"))).priceTicks()).isEqualTo(7001);
    }

    @Test
    void shouldRefuseWhenThePriceIsOffTheTickOrTheUserIsAnother() {
        assertThat(orders.insert("alice", limit("alice", "CFFEX", "IF2512", "4000.1")))
                .isInstanceOf(JsonObject.class).asString().contains("3004")
                .contains("limit_price=4000.1 must be a multiple of price_tick=0.2 of CFFEX.IF2512");
        assertThat(orders.insert("alice", limit("bob", "CFFEX", "IF2512", "4000.2")))
                .isInstanceOf(JsonObject.class).asString().contains("3103");
        assertThat(orders.cancel("alice", new CancelOrder("bob", "o1"))).isInstanceOf(JsonObject.class);
        assertThat(orders.cancel("alice", new CancelOrder("alice", "o1")))
                .isEqualTo(new ExchangeCommand.CancelOrder("alice", "o1"));
    }

    @Test
    void shouldLeaveAnUnknownInstrumentToTheCoreWhichRecordsTheReject() {
        Object command = orders.insert("alice", limit("alice", "DCE", "m2601", "3000"));
        assertThat(command).isInstanceOf(ExchangeCommand.InsertOrder.class);
        assertThat(((ExchangeCommand.InsertOrder) command).instrumentId()).isEqualTo("DCE.m2601");
    }

    @Test
    void shouldTurnAmountsIntoMinorUnitsWhenTransferring() {
        assertThat(orders.transfer("alice", new ReqTransfer("alice", "", "CNY", new BigDecimal("12.34"))))
                .isEqualTo(new ExchangeCommand.Deposit("alice", 1234));
        assertThat(orders.transfer("alice", new ReqTransfer("alice", "", "CNY", new BigDecimal("-5"))))
                .isEqualTo(new ExchangeCommand.Withdraw("alice", 500));
        assertThat(orders.transfer("alice", new ReqTransfer("alice", "", "USD", BigDecimal.ONE)))
                .isInstanceOf(JsonObject.class);
        assertThat(orders.transfer("alice", new ReqTransfer("alice", "", "CNY", new BigDecimal("0.001"))))
                .isInstanceOf(JsonObject.class);
        assertThat(orders.transfer("alice", new ReqTransfer("bob", "", "CNY", BigDecimal.ONE)))
                .isInstanceOf(JsonObject.class);
    }
}
