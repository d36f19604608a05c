package io.github.exchangeblocks.diff.snapshot;

import io.github.exchangeblocks.diff.codec.ClientMessageDecoder;
import io.github.exchangeblocks.diff.codec.SubscribeQuote;
import io.github.exchangeblocks.diff.json.JsonNull;
import io.github.exchangeblocks.diff.json.JsonNumber;
import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.json.JsonValue;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DiffSessionProperties {
    private static final String[] INSTRUMENTS = {"SHFE.cu2512", "CFFEX.IF2512", "DCE.m2601"};

    /** One step: kind 0 trade change, 1 quote change, 2 resubscribe, 3 the rare session peeks, 4 notify. */
    record Step(int kind, int a, int b, int c) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 7), Arbitraries.integers().between(0, 7),
                Arbitraries.integers().between(-2, 50)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 500)
    void shouldEndWithSameSnapshotWhetherPeekingRarelyOrAfterEveryChange(@ForAll("steps") List<Step> steps) {
        DiffSnapshotManager manager = new DiffSnapshotManager();
        ClientReplica eager = new ClientReplica();
        ClientReplica lazy = new ClientReplica();
        DiffSession eagerSession = manager.openSession(eager);
        DiffSession lazySession = manager.openSession(lazy);
        manager.login(eagerSession, "u1");
        manager.login(lazySession, "u1");
        eagerSession.peek();

        for (Step step : steps) {
            switch (step.kind()) {
                case 0:
                    manager.pushTrade("u1", tradePatch(step));
                    break;
                case 1:
                    manager.pushQuote(INSTRUMENTS[step.a() % INSTRUMENTS.length], quotePatch(step));
                    break;
                case 2:
                    SubscribeQuote subscribe = subscription(step.a());
                    manager.subscribeQuotes(eagerSession, subscribe);
                    manager.subscribeQuotes(lazySession, subscribe);
                    break;
                case 3:
                    lazySession.peek();
                    break;
                default:
                    JsonObject content = new JsonObject().put("content", "n" + step.c());
                    manager.notify(eagerSession, content);
                    manager.notify(lazySession, content);
                    break;
            }
            eagerSession.peek();
        }
        lazySession.peek();

        assertThat(lazy.snapshot).isEqualTo(eager.snapshot);
        JsonObject entitled = manager.entitledSnapshot(eagerSession);
        JsonObject held = (JsonObject) eager.snapshot;
        assertThat(held.get("trade")).isEqualTo(entitled.get("trade"));
        assertThat(held.get("ins_list")).isEqualTo(entitled.get("ins_list"));
        JsonObject entitledQuotes = entitled.getObject("quotes");
        for (String instrument : INSTRUMENTS) {
            if (entitledQuotes != null && entitledQuotes.containsKey(instrument)) {
                assertThat(held.getObject("quotes").get(instrument)).isEqualTo(entitledQuotes.get(instrument));
            }
        }
        assertThat(lazy.answers.size()).isLessThanOrEqualTo(eager.answers.size());
        for (List<JsonObject> answer : lazy.answers) {
            assertThat(answer).isNotEmpty().hasSizeLessThanOrEqualTo(2);
        }
    }

    @Property(tries = 300)
    void shouldMatchEntitledSnapshotWhenSubscriptionsOnlyGrow(@ForAll("steps") List<Step> steps) {
        DiffSnapshotManager manager = new DiffSnapshotManager();
        ClientReplica client = new ClientReplica();
        DiffSession session = manager.openSession(client);
        manager.login(session, "u1");
        manager.subscribeQuotes(session, subscription(7));
        for (Step step : steps) {
            if (step.kind() == 0) {
                manager.pushTrade("u1", tradePatch(step));
            } else if (step.kind() == 1) {
                manager.pushQuote(INSTRUMENTS[step.a() % INSTRUMENTS.length], quotePatch(step));
            } else if (step.kind() == 3) {
                session.peek();
            }
        }
        session.peek();

        assertThat(client.snapshot).isEqualTo(manager.entitledSnapshot(session));
    }

    @Property(tries = 300)
    void shouldAnswerTheSameWhetherPatchesAreCopiedOrHandedOver(@ForAll("steps") List<Step> steps) {
        DiffSnapshotManager copying = new DiffSnapshotManager();
        DiffSnapshotManager takingOver = new DiffSnapshotManager();
        ClientReplica copied = new ClientReplica();
        ClientReplica handedOver = new ClientReplica();
        DiffSession copyingSession = copying.openSession(copied);
        DiffSession takingSession = takingOver.openSession(handedOver);
        copying.login(copyingSession, "u1");
        takingOver.login(takingSession, "u1");
        copying.subscribeQuotes(copyingSession, subscription(7));
        takingOver.subscribeQuotes(takingSession, subscription(7));
        for (Step step : steps) {
            if (step.kind() == 0) {
                copying.pushTrade("u1", tradePatch(step));
                takingOver.handOverTrade("u1", tradePatch(step));
            } else if (step.kind() == 1) {
                String instrument = INSTRUMENTS[step.a() % INSTRUMENTS.length];
                copying.pushQuote(instrument, quotePatch(step));
                takingOver.handOverQuote(instrument, quotePatch(step));
            } else if (step.kind() == 3) {
                copyingSession.peek();
                takingSession.peek();
            }
        }
        copyingSession.peek();
        takingSession.peek();

        assertThat(handedOver.answers).isEqualTo(copied.answers);
        assertThat(handedOver.snapshot).isEqualTo(takingOver.entitledSnapshot(takingSession));
    }

    private static SubscribeQuote subscription(int mask) {
        StringBuilder insList = new StringBuilder();
        for (int i = 0; i < INSTRUMENTS.length; i++) {
            if ((mask & (1 << i)) != 0) {
                insList.append(insList.length() == 0 ? "" : ",").append(INSTRUMENTS[i]);
            }
        }
        return (SubscribeQuote) ClientMessageDecoder.decode(
                "{\"aid\":\"subscribe_quote\",\"ins_list\":\"" + insList + "\"}");
    }

    private static JsonObject tradePatch(Step step) {
        String orderId = "o" + (step.a() % 3);
        switch (step.b()) {
            case 0:
                return new JsonObject().put(DiffLayout.ORDERS, new JsonObject().put(orderId, JsonNull.INSTANCE));
            case 1:
                return new JsonObject().put(DiffLayout.ORDERS, JsonNull.INSTANCE);
            case 2:
                return DiffLayout.entry(DiffLayout.ACCOUNTS, "CNY", new JsonObject()
                        .put("balance", decimal(step.c())).put("risk_ratio", step.c() / 7.0));
            case 3:
                return DiffLayout.entry(DiffLayout.POSITIONS, "SHFE.cu2512", new JsonObject()
                        .put("volume_long", step.c()).put("float_profit", step.c() < 0 ? JsonNull.INSTANCE
                                : decimal(step.c())));
            default:
                JsonObject order = new JsonObject().put("status", step.c() % 2 == 0 ? "ALIVE" : "FINISHED")
                        .put("volume_left", step.c());
                if (step.c() % 3 == 0) {
                    order.put("limit_price", JsonNull.INSTANCE);
                } else {
                    order.put("limit_price", decimal(step.c()));
                }
                return DiffLayout.entry(DiffLayout.ORDERS, orderId, order);
        }
    }

    private static JsonObject quotePatch(Step step) {
        JsonObject patch = new JsonObject().put("last_price", decimal(step.c()));
        if (step.b() % 2 == 0) {
            patch.put("volume", step.b());
        }
        if (step.b() == 7) {
            patch.put("open_interest", JsonNull.INSTANCE);
        }
        return patch;
    }

    private static JsonValue decimal(int tenths) {
        return JsonNumber.of(BigDecimal.valueOf(tenths, 1));
    }
}
