package io.dropflow.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The parcel a carrier partner's kept delivery tells about: read the same way for the API, Kuaidi100 and 17TRACK. */
class ParcelFactTest {

    @Test
    void theParcelsKeyIsItsCarrierAndItsNumberTrimmed() {
        assertThat(ParcelFact.of("{\"n\":\" TRK-1 \"}", root -> new ParcelFact("SANDBOX-POST", root.path("n").asText())))
                .contains("parcel/SANDBOX-POST/TRK-1");
    }

    @Test
    void aPayloadThatIsNotJsonOrNamesNoParcelHasNoKey() {
        assertThat(ParcelFact.of("not json {", root -> new ParcelFact("X", "1"))).isEmpty();
        assertThat(ParcelFact.of("", root -> new ParcelFact("X", "1"))).isEmpty();
        assertThat(ParcelFact.of("null", root -> new ParcelFact("X", "1"))).isEmpty();
        assertThat(ParcelFact.of(null, root -> new ParcelFact("X", "1"))).isEmpty();
        assertThat(ParcelFact.of("{}", root -> null)).isEmpty();
        assertThat(ParcelFact.of("{}", root -> new ParcelFact("X", null))).isEqualTo(Optional.empty());
    }
}
