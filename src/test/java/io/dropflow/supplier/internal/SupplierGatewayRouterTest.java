package io.dropflow.supplier.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import io.dropflow.supplier.SupplierAdapter;
import io.dropflow.supplier.SupplierGateway;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SupplierGatewayRouterTest {

    final SupplierAdapter cj = mock(SupplierAdapter.class);
    final SupplierAdapter sandbox = mock(SupplierAdapter.class);

    @Test
    void eachSupplierGoesToTheFirstAdapterThatServesIt() {
        when(cj.serves("CJ")).thenReturn(true);
        when(sandbox.serves("CJ")).thenReturn(true);
        when(sandbox.serves("ACME")).thenReturn(true);
        SupplierGatewayRouter router = new SupplierGatewayRouter(List.of(cj, sandbox));
        var reminder = new SupplierGateway.ShipByReminder("CJ", "k", "DF-1-PO1", null, Instant.EPOCH);

        router.remindOfShipBy(reminder);

        verify(cj).remindOfShipBy(reminder);
        verify(sandbox, never()).remindOfShipBy(reminder);
    }

    @Test
    void aSupplierNobodyServesFailsNamingTheSettingsToCheck() {
        SupplierGatewayRouter router = new SupplierGatewayRouter(List.of(cj));

        assertThatThrownBy(() -> router.remindOfShipBy(new SupplierGateway.ShipByReminder("ACME", "k", "DF-1-PO1", null,
                Instant.EPOCH)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no adapter serves supplier ACME")
                .hasMessageContaining("dropflow.suppliers.http.ACME");
        // the adapter was asked and, serving another supplier, sent nothing
        verify(cj).serves("ACME");
        verifyNoMoreInteractions(cj);
    }
}
