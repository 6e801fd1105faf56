package io.dropflow.supplier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropflow.supplier.SupplierEvent;
import io.dropflow.supplier.SupplierEventType;
import io.dropflow.translation.OperatorTexts;
import org.junit.jupiter.api.Test;

/**
 * An applicant's sample shipped after the applicant declined it: the operator's task speaks of the sample and its
 * application, not of a consumer's order that "may have been refunded or sent to another supplier", in English and
 * Chinese.
 */
class StaleSampleShippedTest {

    @Test
    void aDeclinedSampleShippedAllTheSameIsDescribedAsASample() {
        SupplierEvent shipped = new SupplierEvent("samp-ship-1", SupplierEventType.SHIPPED, "DF-ON10-SAMPLE1", null, null,
                "SF", "SF1010");

        String why = StaleSupplierEvents.sampleShippedAfterDecline("SAMP", "DF-ON10-SAMPLE1", shipped);

        assertThat(why).startsWith("SAMP shipped sample purchase order DF-ON10-SAMPLE1 as SF SF1010 after it had declined"
                + " it: Dropflow does not follow this parcel. It is the applicant's sample, not a consumer's order")
                .contains("supervisors' audit", "quality check").endsWith("close this task").doesNotContain("refunded");
        assertThat(OperatorTexts.of("zh").findMessage(why)).hasValueSatisfying(zh -> assertThat(zh)
                .startsWith("SAMP 在拒绝样品采购单 DF-ON10-SAMPLE1 后又发货了，运单 SF SF1010").contains("申请方的样品"));
    }
}
