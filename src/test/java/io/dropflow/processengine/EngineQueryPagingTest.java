package io.dropflow.processengine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The paging refusal is JSON in Camunda's error format whatever was sent (EngineRestPermissionsTest: over HTTP). */
class EngineQueryPagingTest {

    private JsonNode refused(String query) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task");
        request.setQueryString(query);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        new EngineQueryPaging().doFilter(request, response, chain);
        assertThat(chain.getRequest()).as("not passed on").isNull();
        assertThat(response.getStatus()).isEqualTo(400);
        return new ObjectMapper().readTree(response.getContentAsString());
    }

    @Test
    void aRefusalQuotingANewlineAQuoteOrABackslashIsStillJson() throws Exception {
        // the review: the body was written by hand, escaping only \ and ", so a newline sent made it unreadable
        JsonNode body = refused("maxResults=1%0A2");
        assertThat(body.path("type").asText()).isEqualTo("InvalidRequestException");
        assertThat(body.path("message").asText()).isEqualTo("maxResults must be a whole number from 0 to 2147483647, "
                + "was \"1\n2\"");
        assertThat(body.has("code")).isTrue();
        assertThat(refused("firstResult=%22%5C%09%01").path("message").asText()).endsWith("was \"\"\\\t\u0001\"");
    }

    @Test
    void pagingWithinRangeIsPassedOn() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task");
        request.setQueryString("firstResult=0&maxResults=2147483647");
        MockFilterChain chain = new MockFilterChain();
        new EngineQueryPaging().doFilter(request, new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).isNotNull();
    }
}
