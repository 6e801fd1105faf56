package io.dropflow.order.internal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An order that comes to 10^12 or more in its currency (each line within its own rules) is refused at
 * intake with a 400 naming lines and the limit: before, 30 lines of 16 × 9999999999999.99 EUR were taken
 * (201, saleTotal 4799999999999995.20) and the order got stuck where its sale did not fit the ledger.
 */
@WebMvcTest(OrderController.class)
@AutoConfigureMockMvc(addFilters = false)
class OrderTotalLimitTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    OrderIntake intake;
    @MockitoBean
    OrderViews views;
    @MockitoBean
    OrderSearch search;

    private static String order(String currency, int lines, int quantity, String salePrice, String where) {
        StringBuilder json = new StringBuilder("{\"storefrontOrderId\":\"X-HUGE\",\"currency\":\"" + currency + "\","
                + "\"consumer\":{\"name\":\"Erika\",\"email\":\"erika@example.com\"}," + where + ",\"lines\":[");
        for (int i = 0; i < lines; i++) {
            json.append(i == 0 ? "" : ",").append("{\"sku\":\"DEMO-MUG\",\"quantity\":").append(quantity)
                    .append(",\"salePrice\":\"").append(salePrice).append("\"}");
        }
        return json.append("]}").toString();
    }

    private static final String HOME = "\"shippingAddress\":{\"name\":\"Erika\",\"line1\":\"Heidestrasse 17\","
            + "\"city\":\"Köln\",\"country\":\"DE\"}";

    @Test
    void anOrderWhoseLinesTogetherComeTo10To12OrMoreIsA400NamingLinesAndTheLimit() throws Exception {
        mvc.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON)
                        .content(order("EUR", 30, 16, "9999999999999.99", HOME)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type", containsString("invalid-request")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("lines")))
                .andExpect(jsonPath("$.detail", containsString("lines saleTotal (the lines' quantity × salePrice) "
                        + "comes to 4799999999999995.20 EUR, more than an order may: less than 1000000000000 EUR")))
                .andExpect(jsonPath("$.detail", containsString("lines[0].salePrice quantity × salePrice comes to "
                        + "159999999999999.84 EUR")));
        verify(intake, never()).placeAndView(any());
    }

    @Test
    void linesEachWithinTheLimitThatTogetherReachItAreRefusedToo() throws Exception {
        // 2 × 500000000000 JPY: each line within, the order at the limit; a group-buy order is checked the same
        mvc.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON)
                        .content(order("JPY", 2, 1, "500000000000", "\"pickupPoint\":\"DEMO-POINT\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("lines")))
                .andExpect(jsonPath("$.detail", containsString("comes to 1000000000000 JPY, more than an order may: "
                        + "less than 1000000000000 JPY")))
                .andExpect(jsonPath("$.detail", org.hamcrest.Matchers.not(containsString("lines[0]"))));
        verify(intake, never()).placeAndView(any());
    }

    @Test
    void anOrderJustBelowTheLimitIsTaken() throws Exception {
        mvc.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON)
                        .content(order("EUR", 1, 1, "999999999999.99", HOME)))
                .andExpect(status().is(org.hamcrest.Matchers.not(400)));
        verify(intake).placeAndView(any());
    }
}
