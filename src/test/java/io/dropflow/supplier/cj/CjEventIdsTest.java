package io.dropflow.supplier.cj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.dropflow.supplier.Purchasing;
import io.dropflow.supplier.SupplierEvent;
import io.dropflow.supplier.SupplierEventIdReusedException;
import io.dropflow.supplier.SupplierEventType;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;

/**
 * CJ's event ids are Dropflow's, made from CJ's view of the order (a request's key and the answer): a retry
 * that finds CJ saying a little more under the same id (another reason) was answered by the first look. The
 * refusal a supplier gets for an id used again with other content changes nothing here and fails no job.
 */
class CjEventIdsTest {

    @Test
    void anIdCjsViewMadeBeforeWithOtherContentChangesNothingAndFailsNoJob() {
        List<SupplierEvent> received = new ArrayList<>();
        Purchasing refusing = (Purchasing) Proxy.newProxyInstance(Purchasing.class.getClassLoader(),
                new Class<?>[] {Purchasing.class}, (proxy, method, args) -> {
                    if (method.getName().equals("receive")) {
                        received.add((SupplierEvent) args[1]);
                        throw new SupplierEventIdReusedException((String) args[0], ((SupplierEvent) args[1]).eventId());
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        CjSupplier supplier = new CjSupplier(new CjSettings(Map.of()), null,
                new StaticListableBeanFactory(Map.of("purchasing", refusing)).getBeanProvider(Purchasing.class),
                new NoTransactions());
        SupplierEvent refused = new SupplierEvent("DF-7-PO1-cancel:CANCELLATION_REFUSED",
                SupplierEventType.CANCELLATION_REFUSED, "DF-7-PO1", "CJ-7", "ALREADY_SHIPPED", null, null);

        assertThatCode(() -> supplier.receive("CJ", refused)).doesNotThrowAnyException();
        assertThat(received).containsExactly(refused);
    }

    private static final class NoTransactions implements PlatformTransactionManager {

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {
        }

        @Override
        public void rollback(TransactionStatus status) {
        }
    }
}
