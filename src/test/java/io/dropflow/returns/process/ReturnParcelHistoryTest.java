package io.dropflow.returns.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.dropflow.aftersales.CaseHistory;
import io.dropflow.aftersales.CaseKind;
import io.dropflow.aftersales.Party;
import io.dropflow.carrier.ShipmentStatusChanged;
import io.dropflow.carrier.TrackingStatus;
import io.dropflow.processengine.MessageInbox;
import io.dropflow.translation.OperatorTexts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Exploratory test, point b: the return's history read "退货包裹：delivered", the status written in lower
 * case where the dictionary has "Delivered". The return parcel's line names the status in words, which
 * the operator reads in Chinese too.
 */
class ReturnParcelHistoryTest {

    private final List<String> lines = new ArrayList<>();
    private final CaseHistory history = new CaseHistory() {
        @Override
        public void record(CaseKind kind, Long caseId, Party party, String what) {
            assertThat(kind).isEqualTo(CaseKind.RETURN);
            assertThat(caseId).isEqualTo(3L);
            assertThat(party).isEqualTo(Party.CARRIER);
            lines.add(what);
        }

        @Override
        public List<Entry> of(CaseKind kind, Long caseId) {
            return List.of();
        }
    };

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "DELIVERED | Return parcel: Delivered | 退货包裹：已签收",
            "DELIVERY_FAILED | Return parcel: Delivery failed | 退货包裹：派送失败",
            "EXCEPTION | Return parcel: Carrier exception | 退货包裹：物流异常",
            "RETURNED | Return parcel: Returned | 退货包裹：已退回"})
    void theReturnParcelsStatusReadsInWordsInBothLanguages(TrackingStatus status, String english, String chinese) {
        ReturnNegotiation negotiation = new ReturnNegotiation(null, null, mock(MessageInbox.class), history, null, null, null);

        negotiation.on(new ShipmentStatusChanged("e1", 1L, 2L, status, 3L));

        assertThat(lines).containsExactly(english);
        assertThat(OperatorTexts.of("zh").translateMessage(lines.get(0))).isEqualTo(chinese);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Return parcel delivered | 退货包裹：已签收",
            "Return parcel delivery failed | 退货包裹：派送失败",
            "Return parcel exception | 退货包裹：物流异常",
            "Return parcel returned | 退货包裹：已退回"})
    void linesWrittenBeforeReadInChineseToo(String english, String chinese) {
        assertThat(OperatorTexts.of("zh").translateMessage(english)).isEqualTo(chinese);
    }
}
