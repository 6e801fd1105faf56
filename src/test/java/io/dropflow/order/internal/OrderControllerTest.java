package io.dropflow.order.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.dropflow.order.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The web slice of GET /api/orders (the search itself: OrderSearchTest; who may call it: ApiRolesTest):
 * which filters reach the search, the page's shape, and each bad parameter a 400 naming it, never a 500.
 */
@WebMvcTest(OrderController.class)
@AutoConfigureMockMvc(addFilters = false)
class OrderControllerTest {

    private static final OrderSummaryView MUG = new OrderSummaryView(7L, "SHOP-1001", OrderStatus.SHIPPED, "WEBSHOP",
            Order.HOME_DELIVERY, null, "Erika Mustermann", "DE", new BigDecimal("15.00"), "EUR", 1,
            Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2026-12-01T10:00:00Z"));

    @Autowired
    MockMvc mvc;
    @MockitoBean
    OrderIntake intake;
    @MockitoBean
    OrderViews views;
    @MockitoBean
    OrderSearch search;

    @BeforeEach
    void aPageOfOne() {
        when(search.find(any(), anyInt(), anyInt())).thenAnswer(call -> new PageImpl<>(List.of(MUG),
                PageRequest.of(call.getArgument(1), call.getArgument(2), OrderSearch.NEWEST_FIRST), 21));
    }

    @Test
    void withoutFiltersTheFirstPageOfFiftyOfAllOrders() throws Exception {
        mvc.perform(get("/api/orders"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].id").value(7))
                .andExpect(jsonPath("$.content[0].storefrontOrderId").value("SHOP-1001"))
                .andExpect(jsonPath("$.content[0].status").value("SHIPPED"))
                .andExpect(jsonPath("$.content[0].saleTotal").value(15.00))
                .andExpect(jsonPath("$.content[0].currency").value("EUR"))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(50))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.totalPages").value(1));

        verify(search).find(new OrderSearch.Criteria(Set.of(), null, null, null), 0, 50);
    }

    @Test
    void everyFilterReachesTheSearch() throws Exception {
        mvc.perform(get("/api/orders").param("status", "SHIPPED,OUT_OF_STOCK").param("status", "NEEDS_REVIEW")
                        .param("storefrontOrderId", "SHOP-1001").param("createdFrom", "2026-12-01T08:00:00+08:00")
                        .param("createdTo", "2026-12-02T00:00:00Z").param("page", "2").param("size", "10"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(2))
                .andExpect(jsonPath("$.size").value(10))
                .andExpect(jsonPath("$.totalElements").value(21))
                .andExpect(jsonPath("$.totalPages").value(3));

        ArgumentCaptor<OrderSearch.Criteria> criteria = ArgumentCaptor.forClass(OrderSearch.Criteria.class);
        verify(search).find(criteria.capture(), eq(2), eq(10));
        assertThat(criteria.getValue().statuses())
                .containsExactlyInAnyOrder(OrderStatus.SHIPPED, OrderStatus.OUT_OF_STOCK, OrderStatus.NEEDS_REVIEW);
        assertThat(criteria.getValue().storefrontOrderId()).isEqualTo("SHOP-1001");
        assertThat(criteria.getValue().createdFrom()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(criteria.getValue().createdTo()).isEqualTo(Instant.parse("2026-12-02T00:00:00Z"));
    }

    @Test
    void anUnknownStatusIsA400NamingItAndTheStatusesThereAre() throws Exception {
        refused(get("/api/orders").param("status", "SHIPPED,FOO"), "status")
                .andExpect(jsonPath("$.errors[0].message", containsString("FOO")))
                .andExpect(jsonPath("$.errors[0].message", containsString("OUT_OF_STOCK")));
        refused(get("/api/orders").param("status", "shipped"), "status");
    }

    @Test
    void aTimeThatIsNoInstantIsA400NamingItsParameter() throws Exception {
        refused(get("/api/orders").param("createdFrom", "yesterday"), "createdFrom")
                .andExpect(jsonPath("$.errors[0].message", containsString("ISO-8601")));
        refused(get("/api/orders").param("createdTo", "2026-13-01T00:00:00Z"), "createdTo");
        refused(get("/api/orders").param("createdFrom", "2026-12-01"), "createdFrom");
    }

    /**
     * Exploratory test s17 (D10): the filters took a time finer than a microsecond (which PostgreSQL's driver rounds,
     * so the filter applied was not the one sent) and years no body date takes, without a word. They are refused as a
     * body's date-time is, in its words, naming the parameter; zeros after the sixth digit are the same time.
     */
    @Test
    void aTimeFinerThanAMicrosecondOrOutsideTheYearsABodyTakesIsA400NamingItsParameter() throws Exception {
        refused(get("/api/orders").param("createdFrom", "2026-12-07T22:06:19.524000001Z"), "createdFrom")
                .andExpect(jsonPath("$.errors[0].message", containsString("to the microsecond at most")));
        refused(get("/api/orders").param("createdTo", "2026-12-07T22:06:19.1234567+08:00"), "createdTo")
                .andExpect(jsonPath("$.errors[0].message", containsString("to the microsecond at most")));
        refused(get("/api/orders").param("createdFrom", "-999999999-01-01T00:00:00Z"), "createdFrom")
                .andExpect(jsonPath("$.errors[0].message",
                        containsString("must be a date between the years 1900 and 9999")));
        refused(get("/api/orders").param("createdTo", "+999999999-12-31T23:59:59Z"), "createdTo")
                .andExpect(jsonPath("$.errors[0].message",
                        containsString("must be a date between the years 1900 and 9999")));
        refused(get("/api/orders").param("createdFrom", "1899-12-31T23:59:59Z"), "createdFrom");

        mvc.perform(get("/api/orders").param("createdFrom", "2026-12-07T22:06:19.524000000Z")
                        .param("createdTo", "9999-12-31T23:59:59.999999Z"))
                .andExpect(status().isOk());
        ArgumentCaptor<OrderSearch.Criteria> criteria = ArgumentCaptor.forClass(OrderSearch.Criteria.class);
        verify(search).find(criteria.capture(), eq(0), eq(50));
        assertThat(criteria.getValue().createdFrom()).isEqualTo(Instant.parse("2026-12-07T22:06:19.524Z"));
        assertThat(criteria.getValue().createdTo()).isEqualTo(Instant.parse("9999-12-31T23:59:59.999999Z"));
    }

    /**
     * Exploratory test s18 (H10): a leap second on any day (read as 23:59:59) and an offset beyond ±14:00 or with
     * seconds were taken; they are refused as other bad times are. A "+08:00" sent unencoded arrives as " 08:00": the
     * refusal says a "+" is sent as %2B in a URL, and its example is one that can be copied into a URL.
     */
    @Test
    void aLeapSecondAnOffsetBeyond14HoursOrAPlusSentUnencodedIsA400SayingWhatToSend() throws Exception {
        for (String time : java.util.List.of("2026-12-07T23:59:60Z", "2026-06-30T23:59:60Z", "2026-12-07T10:00:00+18:00",
                "2026-12-07T10:00:00-14:30", "2026-12-07T10:00:00+08:00:30")) {
            refused(get("/api/orders").param("createdFrom", time), "createdFrom")
                    .andExpect(jsonPath("$.errors[0].message", containsString("ISO-8601 instant")))
                    .andExpect(jsonPath("$.errors[0].message", containsString(time)));
        }
        refused(get("/api/orders").param("createdTo", "2026-12-07T10:00:00 08:00"), "createdTo")
                .andExpect(jsonPath("$.errors[0].message", containsString("%2B")))
                .andExpect(jsonPath("$.errors[0].message", containsString("2026-12-01T08:00:00%2B08:00")))
                .andExpect(jsonPath("$.errors[0].message",
                        org.hamcrest.Matchers.not(containsString("2026-12-01T08:00:00+08:00"))));

        mvc.perform(get("/api/orders").param("createdFrom", "2026-12-07T10:00:00+14:00")
                        .param("createdTo", "2026-12-07T10:00:00-12:00"))
                .andExpect(status().isOk());
        ArgumentCaptor<OrderSearch.Criteria> criteria = ArgumentCaptor.forClass(OrderSearch.Criteria.class);
        verify(search).find(criteria.capture(), eq(0), eq(50));
        assertThat(criteria.getValue().createdFrom()).isEqualTo(Instant.parse("2026-12-06T20:00:00Z"));
    }

    @Test
    void createdToNotAfterCreatedFromIsA400NamingCreatedTo() throws Exception {
        refused(get("/api/orders").param("createdFrom", "2026-12-02T00:00:00Z").param("createdTo",
                "2026-12-01T00:00:00Z"), "createdTo");
        refused(get("/api/orders").param("createdFrom", "2026-12-02T00:00:00Z").param("createdTo",
                "2026-12-02T00:00:00Z"), "createdTo");
    }

    @Test
    void aSizeAboveTheMaximumOrBelowOneIsA400NamingSize() throws Exception {
        refused(get("/api/orders").param("size", "201"), "size")
                .andExpect(jsonPath("$.errors[0].message", containsString("200")));
        refused(get("/api/orders").param("size", "0"), "size");
        refused(get("/api/orders").param("size", "-5"), "size");
        refused(get("/api/orders").param("size", "abc"), "size");
    }

    @Test
    void aNegativePageOrOneBeyondTheRowsAQueryCanSkipIsA400NamingPage() throws Exception {
        refused(get("/api/orders").param("page", "-1"), "page");
        refused(get("/api/orders").param("page", "2147483647").param("size", "200"), "page");
        refused(get("/api/orders").param("page", "abc"), "page");
    }

    /** PostgreSQL cannot compare text with U+0000: without this check the search failed with a 500. */
    @Test
    void aStorefrontOrderIdWithTheNulCharacterIsA400NamingIt() throws Exception {
        refused(get("/api/orders").param("storefrontOrderId", "SHOP-\u00001"), "storefrontOrderId")
                .andExpect(jsonPath("$.errors[0].message", containsString("NUL")));
    }

    @Test
    void everyBadParameterIsNamedInOneAnswer() throws Exception {
        mvc.perform(get("/api/orders").param("status", "FOO").param("createdFrom", "soon").param("size", "500"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.detail", containsString("status")))
                .andExpect(jsonPath("$.detail", containsString("createdFrom")))
                .andExpect(jsonPath("$.detail", containsString("size")));
        verify(search, never()).find(any(), anyInt(), anyInt());
    }

    private org.springframework.test.web.servlet.ResultActions refused(MockHttpServletRequestBuilder request,
            String parameter) throws Exception {
        org.mockito.Mockito.clearInvocations(search);
        org.springframework.test.web.servlet.ResultActions answer = mvc.perform(request)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://dropflow.io/problems/invalid-request"))
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.errors[0].field").value(parameter));
        verify(search, never()).find(any(), anyInt(), anyInt());
        return answer;
    }
}
