package io.github.exchangeblocks.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RejectCodeTest {

    @Test
    void shouldFindEveryCodeByItsNumericValue() {
        for (RejectCode rejectCode : RejectCode.values()) {
            assertThat(RejectCode.fromCode(rejectCode.code())).isSameAs(rejectCode);
        }
    }

    @Test
    void shouldReturnNullWhenNoConstantHasTheValue() {
        assertThat(RejectCode.fromCode(0)).isNull();
        assertThat(RejectCode.fromCode(-1)).isNull();
        assertThat(RejectCode.fromCode(5000)).isNull();
        assertThat(RejectCode.fromCode(Integer.MAX_VALUE)).isNull();
    }

    @Test
    void shouldGiveEveryCodeADistinctValueAndADescription() {
        assertThat(Arrays.stream(RejectCode.values()).mapToInt(RejectCode::code).distinct().count())
                .isEqualTo(RejectCode.values().length);
        assertThat(RejectCode.values()).allSatisfy(c -> assertThat(c.description()).isNotBlank());
    }

    @Test
    void shouldKeepReleasedNumericValues() {
        assertThat(RejectCode.MALFORMED_INPUT.code()).isEqualTo(1);
    }
}
