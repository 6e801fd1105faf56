package io.dropflow.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Pageable;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A query parameter an endpoint does not read is a 400 naming it and what the endpoint takes, where it used to be
 * dropped: {@code GET /api/suppliers/ACME/scorecard?days=7} answered the table's own window as if 7 days had been
 * applied, and a misspelt list filter answered the whole list.
 */
class KnownQueryParametersTest {

    record Filter(String colour) {
    }

    @RestController
    static class Things {

        @GetMapping("/api/things")
        String list(@RequestParam(required = false) String status, @RequestParam(name = "from", required = false) String since,
                Pageable page, Authentication caller) {
            return status + " " + since + " " + page.getPageNumber();
        }

        @GetMapping("/api/many")
        String many(@RequestParam(required = false) java.util.List<String> status, @RequestParam(required = false) Integer size) {
            return String.valueOf(status);
        }

        @GetMapping("/api/things/{code}/scorecard")
        String scorecard(@PathVariable String code) {
            return code;
        }

        @GetMapping("/api/anything")
        String anything(@RequestParam Map<String, String> all) {
            return all.toString();
        }

        @GetMapping("/api/filtered")
        String filtered(Filter filter) {
            return filter.colour();
        }

        @PostMapping("/api/webhooks/things")
        String webhook(@RequestParam(required = false) String topic) {
            return "taken";
        }

        @GetMapping("/elsewhere")
        String elsewhere() {
            return "not ours";
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Things())
            .setCustomArgumentResolvers(new org.springframework.data.web.PageableHandlerMethodArgumentResolver())
            .addMappedInterceptors(new String[] {"/api/**"}, new KnownQueryParameters())
            .setControllerAdvice(new ApiProblems(false)).build();

    @Test
    void aParameterTheEndpointDoesNotReadIsNamedWithWhatItTakes() throws Exception {
        mvc.perform(get("/api/things/ACME/scorecard").param("days", "7"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("/invalid-request")))
                .andExpect(jsonPath("$.errors[0].field").value("days"))
                .andExpect(jsonPath("$.detail").value(
                        "days is not a query parameter of this endpoint, which takes no query parameters"));
        mvc.perform(get("/api/things").param("statuss", "SHIPPED").param("status", "OPEN").param("colour", "red"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("colour"))
                .andExpect(jsonPath("$.errors[1].field").value("statuss"))
                .andExpect(jsonPath("$.errors[1].message").value(
                        "is not a query parameter of this endpoint, which takes from, page, size, sort, status"));
    }

    @Test
    void whatTheEndpointReadsPassesUnderItsOwnNameAndThePagesToo() throws Exception {
        mvc.perform(get("/api/things").param("status", "OPEN").param("from", "2026-12-01").param("page", "2")
                        .param("size", "5").param("sort", "code"))
                .andExpect(status().isOk())
                .andExpect(content().string("OPEN 2026-12-01 2"));
        mvc.perform(get("/api/things/ACME/scorecard")).andExpect(status().isOk());
    }

    @Test
    void anEndpointThatBindsWhateverComesIsNotChecked() throws Exception {
        mvc.perform(get("/api/anything").param("days", "7")).andExpect(status().isOk());
        mvc.perform(get("/api/filtered").param("colour", "red").param("other", "x"))
                .andExpect(status().isOk()).andExpect(content().string("red"));
    }

    @Test
    void aPartnersWebhookAndWhatIsNotOurApiAreNeverRefusedForTheirUrl() throws Exception {
        mvc.perform(post("/api/webhooks/things").param("token", "abc").param("topic", "x")).andExpect(status().isOk());
        mvc.perform(get("/elsewhere").param("anything", "x")).andExpect(status().isOk());
    }

    /** Spring took the first of two values and dropped the other: {@code ?size=1&size=500} answered one row. */
    @Test
    void aParameterOfOneValueGivenTwiceIsNamedAListOrASortMayRepeat() throws Exception {
        mvc.perform(get("/api/many").param("size", "1", "500"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"))
                .andExpect(jsonPath("$.errors[0].message").value("is given 2 times; it takes one value"));
        mvc.perform(get("/api/things").param("page", "0", "3"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"));
        mvc.perform(get("/api/many").param("status", "OPEN", "SHIPPED").param("size", "2"))
                .andExpect(status().isOk()).andExpect(content().string("[OPEN, SHIPPED]"));
        mvc.perform(get("/api/things").param("sort", "code", "name,desc")).andExpect(status().isOk());
    }

    /**
     * Explorer s14 "judge" defect 11: Spring reads an empty value as none, so {@code /api/orders?storefrontOrderId=}
     * answered every order and {@code ?size=} the default page, while another list filtered on the empty text. An
     * empty or blank value is a 400 naming the parameter, on every list alike.
     */
    @Test
    void anEmptyValueIsNamedNotReadAsNone() throws Exception {
        mvc.perform(get("/api/things").param("status", ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("/invalid-request")))
                .andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.detail").value("status must not be empty; to not use it, leave it out"));
        mvc.perform(get("/api/things").param("size", " "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/many").param("status", "OPEN", ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(get("/api/things").param("from", "").param("page", ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2));
    }
}
