package io.dropflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** A problem's own properties never take the name of one of RFC 7807's members, which the document would then carry twice. */
class ApiProblemTest {

    static class Refused extends ApiProblem {
        Refused(String property) {
            super(HttpStatus.CONFLICT, "refused", "Refused", "refused for a test");
            property(property, "COMPLETED");
        }
    }

    @Test
    void aPropertyNamedLikeAProblemMemberIsRefused() {
        for (String member : new String[] {"type", "title", "status", "detail", "instance"}) {
            assertThatThrownBy(() -> new Refused(member)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(member + " is a member of every problem document");
        }
    }

    @Test
    void theDocumentHasOneStatusTheHttpOne() throws Exception {
        // Spring Boot's ObjectMapper flattens a problem's properties into the document, as the API answers it
        String body = Jackson2ObjectMapperBuilder.json().build().writeValueAsString(new Refused("caseStatus").getBody());

        assertThat(body.split("\"status\"", -1)).as(body).hasSize(2);
        assertThat(body).contains("\"status\":409", "\"caseStatus\":\"COMPLETED\"");
    }
}
