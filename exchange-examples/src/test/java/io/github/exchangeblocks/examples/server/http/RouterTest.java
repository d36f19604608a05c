package io.github.exchangeblocks.examples.server.http;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouterTest {
    private static final Endpoint NOTHING = call -> { };

    private final Router router = new Router()
            .add("GET", "/api/orders", Access.USER, "list", List.of(), List.of(), NOTHING)
            .add("GET", "/api/orders/{order_id}", Access.USER, "one", List.of(), List.of(), NOTHING)
            .add("DELETE", "/api/orders/{order_id}", Access.USER, "cancel", List.of(), List.of(), NOTHING);

    @Test
    void shouldBindPathParametersByMethod() {
        Router.Match match = router.match("DELETE", "/api/orders/a1");
        assertThat(match.route().summary()).isEqualTo("cancel");
        assertThat(match.params()).isEqualTo(Map.of("order_id", "a1"));
        assertThat(router.match("GET", "/api/orders").route().summary()).isEqualTo("list");
    }

    @Test
    void shouldTellAnUnknownPathFromAMethodNotAllowed() {
        assertThat(router.match("GET", "/api/nothing")).isNull();
        assertThat(router.match("GET", "/api/orders/")).isNull();
        assertThat(router.match("GET", "/api/orders/a1/x")).isNull();
        assertThat(router.match("GET", "")).isNull();
        Router.Match wrongMethod = router.match("PUT", "/api/orders/a1");
        assertThat(wrongMethod).isNotNull();
        assertThat(wrongMethod.route()).isNull();
    }

    @Test
    void shouldRefuseTheSameRouteTwice() {
        assertThatThrownBy(() -> router.add("GET", "/api/orders", Access.USER, "again", List.of(), List.of(),
                NOTHING)).hasMessage("GET /api/orders is already routed");
    }
}
