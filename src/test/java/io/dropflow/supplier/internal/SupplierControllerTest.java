package io.dropflow.supplier.internal;

import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.dropflow.supplier.Scorecards;
import io.dropflow.supplier.SupplierScorecard;
import io.dropflow.web.NotFound;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The web slice of the scorecard endpoint (security has its own tests): what it answers, and its 404. */
@WebMvcTest(SupplierController.class)
@AutoConfigureMockMvc(addFilters = false)
class SupplierControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    Scorecards scorecards;

    @Test
    void answersTheScorecard() throws Exception {
        Instant to = Instant.parse("2026-12-01T00:00:00Z");
        when(scorecards.of("ACME")).thenReturn(new SupplierScorecard("ACME", "Acme", to.minus(Duration.ofDays(30)), to,
                Duration.ofHours(48), 48, 12, 1.0, 0.75, 0.8, 0.0, null, true, "shipped 75 % within 48 h", 84, true));

        mvc.perform(get("/api/suppliers/ACME/scorecard"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.shipWithinRate").value(0.75))
                .andExpect(jsonPath("$.flagged").value(true))
                .andExpect(jsonPath("$.score").value(84));
    }

    @Test
    void anUnknownSupplierIsANamed404Problem() throws Exception {
        when(scorecards.of("NOBODY")).thenThrow(NotFound.of("supplier", "NOBODY"));

        mvc.perform(get("/api/suppliers/NOBODY/scorecard"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("no supplier NOBODY"))
                .andExpect(jsonPath("$.type").value("https://dropflow.io/problems/not-found"));
    }

    /** Its window is supplier-scorecard.dmn's (windowDays): a window asked in the URL is refused, not ignored. */
    @Test
    void aWindowAskedInTheUrlIsRefusedNotIgnored() throws Exception {
        mvc.perform(get("/api/suppliers/ACME/scorecard").param("days", "7"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("days"))
                .andExpect(jsonPath("$.detail").value(
                        "days is not a query parameter of this endpoint, which takes no query parameters"));
        org.mockito.Mockito.verifyNoInteractions(scorecards);
    }
}
