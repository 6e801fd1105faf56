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
}
