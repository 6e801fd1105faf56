package io.dropflow.carrier.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.dropflow.carrier.CarrierAdapter;
import io.dropflow.carrier.Consignee;
import io.dropflow.carrier.Tracking;
import io.dropflow.carrier.TrackingRegistrationRefused;
import io.dropflow.processengine.MessageInbox;
import io.dropflow.support.JpaSliceTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A tracking service that will not follow a parcel without consignee data is an answer, not a failure:
 * the caller (the order's "Register tracking number" job) takes it and its transaction still commits,
 * with the parcel not marked registered.
 */
@JpaSliceTest
@Import({TrackingService.class, CarrierRouter.class, ParcelOrigin.class, TroubleAfterDelivery.class, ScansOfAnotherParcel.class,
        io.dropflow.processengine.SellerTime.class,
        TrackingRefusedTest.PostalCodeWanted.class})
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class TrackingRefusedTest {

    /** A service that follows GLS only with a postal code (as 17TRACK does for some carriers, -18010019). */
    @TestConfiguration
    static class PostalCodeWanted {
        @Bean
        CarrierAdapter gls() {
            return new CarrierAdapter() {
                @Override
                public boolean follows(String carrierCode) {
                    return "GLS".equals(carrierCode);
                }

                @Override
                public void register(String carrierCode, String trackingNumber, Consignee consignee) {
                    if (consignee == null || !consignee.hasPostalCode()) {
                        throw new TrackingRegistrationRefused(carrierCode, trackingNumber,
                                "postal code of the delivery address", "GLS " + trackingNumber + " needs a postal code");
                    }
                }
            };
        }
    }

    @MockitoBean
    MessageInbox inbox;
    @Autowired
    Tracking tracking;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    /**
     * Review s14 F4: a refusal is final for its parcel, but a setting wrong for every parcel (Kuaidi100's callback
     * address, a carrier code nobody follows) showed nowhere until the parcels' silence windows ended: it is logged
     * at once, with the refusal's words (which name the settings).
     */
    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void aRefusalIsLoggedAsAWarningNamingTheParcelAndWhy(org.springframework.boot.test.system.CapturedOutput output) {
        long order = anOrder();
        String number = "GLS-" + System.nanoTime();
        Long parcel = tracking.recordShipment(order, aPurchaseOrder(order), "GLS", number).id();

        assertThatThrownBy(() -> tracking.register(parcel, new Consignee("+49 221 123", null, "DE")))
                .isInstanceOf(TrackingRegistrationRefused.class);
        assertThat(output.getOut()).contains("WARN").contains("Tracking refused parcel GLS " + number + ": GLS " + number
                + " needs a postal code");
    }

    @Test
    void aRefusalTakenByTheCallerLeavesItsTransactionToCommit() {
        long order = anOrder();
        Long parcel = tracking.recordShipment(order, aPurchaseOrder(order), "GLS", "GLS-" + System.nanoTime()).id();

        assertThatCode(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            try {
                tracking.register(parcel, new Consignee("+49 221 123", null, "DE"));
            } catch (TrackingRegistrationRefused refused) {
                jdbc.update("update customer_order set updated_at = ? where id = ?", Timestamp.from(Instant.now()),
                        order); // the caller's own work in the same transaction
            }
        })).doesNotThrowAnyException();

        assertThat(tracking.shipment(parcel).registeredAt()).isNull();
        tracking.register(parcel, new Consignee("+49 221 123", "51147", "DE"));
        assertThat(tracking.shipment(parcel).registeredAt()).isNotNull();
    }

    /**
     * The words every parcel that goes on untracked has on its timeline (an order's own, a group-buy batch's: note s14,
     * whose batch parcel's refusal was an incident), with the WARN, the caller's transaction committing.
     */
    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void aRefusalTheCallerGoesOnWithIsSaidInWordsLoggedAndCommitted(
            org.springframework.boot.test.system.CapturedOutput output) {
        long order = anOrder();
        String number = "GLS-" + System.nanoTime();
        Long parcel = tracking.recordShipment(order, aPurchaseOrder(order), "GLS", number).id();

        java.util.Optional<String> said = new TransactionTemplate(transactions).execute(tx -> {
            java.util.Optional<String> why = tracking.registerOrSayWhyNot(parcel, new Consignee("+49 221 123", null, "DE"));
            jdbc.update("update customer_order set updated_at = ? where id = ?", Timestamp.from(Instant.now()), order);
            return why;
        });

        assertThat(said).contains("Tracking refused parcel GLS " + number + " without the postal code of the delivery"
                + " address: no tracking news will come, an operator decides when the parcel's silence window ends");
        assertThat(output.getOut()).contains("WARN").contains("Tracking refused parcel GLS " + number);
        assertThat(tracking.shipment(parcel).registeredAt()).isNull();
        assertThat(tracking.registerOrSayWhyNot(parcel, new Consignee("+49 221 123", "51147", "DE"))).isEmpty();
        assertThat(tracking.shipment(parcel).registeredAt()).isNotNull();
    }

    private long anOrder() {
        return jdbc.queryForObject("""
                insert into customer_order (storefront_order_id, status, currency, consumer_name, consumer_email,
                    ship_name, ship_line1, ship_city, ship_country, created_at, updated_at)
                values (gen_random_uuid()::text, 'SHIPPED', 'EUR', 'Erika', 'erika@example.com', 'Erika',
                    'Heidestrasse 17', 'Köln', 'DE', now(), now())
                returning id""", Long.class);
    }

    private long aPurchaseOrder(long order) {
        String code = "S" + UUID.randomUUID().toString().substring(0, 8);
        long supplier = jdbc.queryForObject("insert into supplier (code, name, region) values (?, ?, 'EU') returning id",
                Long.class, code, code);
        return jdbc.queryForObject("""
                insert into purchase_order (order_id, supplier_id, idempotency_key, status, supply_total, shipping_cost,
                    currency, created_at, updated_at)
                values (?, ?, ?, 'SHIPPED', 6, 2.5, 'EUR', now(), now())
                returning id""", Long.class, order, supplier, "DF-" + order + "-PO1");
    }
}
