package io.github.exchangeblocks.api;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class RejectCodeProperties {

    @Property
    void shouldReturnOnlyTheConstantWithTheAskedValue(@ForAll int code) {
        RejectCode found = RejectCode.fromCode(code);
        if (found != null) {
            assertThat(found.code()).isEqualTo(code);
        } else {
            assertThat(RejectCode.values()).noneMatch(c -> c.code() == code);
        }
    }
}
