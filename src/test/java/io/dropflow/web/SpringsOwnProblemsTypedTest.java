package io.dropflow.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * The problems ApiProblems and UnmatchedRequests answer themselves, and Spring's own refusals they pass on, have a
 * type of ours and a title, listed in docs/api.md. Before, a concurrent change, our bug, a missing header, a request
 * too large, a method or content type not taken were problems without a type (Spring's {@code about:blank}).
 */
class SpringsOwnProblemsTypedTest {

    record Body(String name) {
    }

    @RestController
    static class Things {

        @GetMapping("/concurrent")
        String concurrent() {
            throw new OptimisticLockingFailureException("row changed");
        }

        @GetMapping("/bug")
        String bug() {
            throw new IllegalStateException("our bug");
        }

        @GetMapping("/header")
        String header(@RequestHeader("X-Needed") String needed) {
            return needed;
        }

        @GetMapping("/big")
        String big() {
            throw new MaxUploadSizeExceededException(10);
        }

        @PostMapping(value = "/things", consumes = MediaType.APPLICATION_JSON_VALUE)
        String add(@RequestBody Body body) {
            return body.name();
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Things())
            .setControllerAdvice(new ApiProblems(false), new UnmatchedRequests()).build();

    @Test
    void everyProblemHasATypeOfOursThatIsListedAndATitle() throws Exception {
        Map<String, RequestBuilder> requests = new LinkedHashMap<>();
        requests.put("concurrent-change", get("/concurrent"));
        requests.put("internal-error", get("/bug"));
        requests.put("invalid-request", get("/header"));
        requests.put("request-too-large", get("/big"));
        requests.put("method-not-allowed", put("/things"));
        requests.put("unsupported-media-type", post("/things").contentType(MediaType.TEXT_PLAIN).content("x"));
        var documented = ProblemTypesDocumentedTest.documented();
        org.assertj.core.api.SoftAssertions soft = new org.assertj.core.api.SoftAssertions();

        for (var request : requests.entrySet()) {
            MvcResult answer = mvc.perform(request.getValue()).andReturn();
            JsonNode problem = new ObjectMapper().readTree(answer.getResponse().getContentAsString());
            soft.assertThat(problem.path("type").asText()).as(request.getKey() + ": " + problem)
                    .isEqualTo("https://dropflow.io/problems/" + request.getKey());
            soft.assertThat(documented).contains(request.getKey());
            soft.assertThat(problem.path("title").asText()).as(request.getKey()).isNotBlank();
        }
        soft.assertAll();
    }
}
