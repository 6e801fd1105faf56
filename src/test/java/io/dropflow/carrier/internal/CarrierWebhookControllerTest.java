package io.dropflow.carrier.internal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.dropflow.carrier.Tracking;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The web slice of the normalized tracking webhook: a bad event is a 400 naming each field, and is not recorded. */
@WebMvcTest(CarrierWebhookController.class)
@AutoConfigureMockMvc(addFilters = false)
@org.springframework.context.annotation.Import(EarlyCarrierEvents.class)
class CarrierWebhookControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    Tracking tracking;
    @MockitoBean
    io.dropflow.partners.PartnerDeliveries deliveries;

    @Test
    void aRedeliveredEventIsAcknowledged() throws Exception {
        when(tracking.receive(any())).thenReturn(false);

        mvc.perform(post("/api/webhooks/carriers/events").contentType(MediaType.APPLICATION_JSON).content("""
                {"eventId": "e1", "carrierCode": "DHL", "trackingNumber": "JD1", "status": "IN_TRANSIT",
                 "occurredAt": "2026-12-01T08:00:00Z"}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.result").value("ALREADY_RECORDED"));
    }

    @Test
    void anEventWithoutStatusOrTimeIsRefusedFieldByField() throws Exception {
        mvc.perform(post("/api/webhooks/carriers/events").contentType(MediaType.APPLICATION_JSON).content("""
                {"eventId": "e1", "carrierCode": "DHL", "trackingNumber": "JD1"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("status",
                        "occurredAt")));
        verifyNoInteractions(tracking);
    }

    @Test
    void anUnknownStatusIsAnInvalidRequestNamingTheField() throws Exception {
        mvc.perform(post("/api/webhooks/carriers/events").contentType(MediaType.APPLICATION_JSON).content("""
                {"eventId": "e1", "carrierCode": "DHL", "trackingNumber": "JD1", "status": "TELEPORTED",
                 "occurredAt": "2026-12-01T08:00:00Z"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        verifyNoInteractions(tracking);
    }

    /** Exploratory test: " SBX920536340IGB " was kept as no parcel of ours; a padded number is the parcel's. */
    @Test
    void aTrackingNumberPaddedWithSpacesIsTheParcels() throws Exception {
        when(tracking.receiveScan(any())).thenReturn(true);

        mvc.perform(post("/api/webhooks/carriers/events").contentType(MediaType.APPLICATION_JSON).content("""
                {"eventId": "e2", "carrierCode": " DHL ", "trackingNumber": " JD1 ", "status": "IN_TRANSIT",
                 "occurredAt": "2026-12-01T08:00:00Z"}"""))
                .andExpect(status().isOk());

        verify(tracking).receiveScan(org.mockito.ArgumentMatchers.argThat(event -> "DHL".equals(event.carrierCode())
                && "JD1".equals(event.trackingNumber())));
    }
}
