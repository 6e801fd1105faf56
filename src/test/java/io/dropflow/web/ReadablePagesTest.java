package io.dropflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;

/** A page whose first row a query cannot skip to is the caller's mistake, named; up to that row it is read. */
class ReadablePagesTest {

    @Test
    void aPageStartingBeyondTheLastReadableRowIsRefusedNamingPage() {
        assertThatThrownBy(() -> ReadablePages.readable(PageRequest.of(Integer.MAX_VALUE, 200)))
                .isInstanceOfSatisfying(InvalidRequest.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(400);
                    assertThat(e.getBody().getProperties().get("errors").toString()).contains("field=page");
                });
    }

    @Test
    void theLastReadableRowAndUnpagedListsAreRead() {
        assertThat(ReadablePages.readable(PageRequest.of(Integer.MAX_VALUE, 1)).getPageNumber())
                .isEqualTo(Integer.MAX_VALUE);
        assertThat(ReadablePages.readable(Pageable.unpaged()).isUnpaged()).isTrue();
    }

    @Test
    void aPageOrSizeThatIsNotAWholeNumberInRangeIsRefusedNamingIt() {
        assertThatThrownBy(() -> ReadablePages.checked("abc", "0", 200))
                .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.getBody().getDetail())
                        .isEqualTo("page must be a number, was abc; size must be from 1 to 200, was 0"));
        assertThatThrownBy(() -> ReadablePages.checked("-1", "201", 200))
                .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.getBody().getDetail())
                        .isEqualTo("page must not be negative (the first page is 0), was -1; "
                                + "size must be from 1 to 200, was 201"));
        assertThatThrownBy(() -> ReadablePages.checked("3000000000", "-5", null))
                .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.getBody().getDetail())
                        .isEqualTo("page must be from 0 to 2147483647, was 3000000000; size must be at least 1, was -5"));
    }

    @Test
    void leftOutOrInRangeTheyAreRead() {
        ReadablePages.checked(null, null, 100);
        ReadablePages.checked("", " ", 100);
        ReadablePages.checked("0", "100", 100);
        ReadablePages.checked("2147483647", "1", null);
    }
}
