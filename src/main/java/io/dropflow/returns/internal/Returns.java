package io.dropflow.returns.internal;

import io.dropflow.aftersales.CaseKind;
import io.dropflow.aftersales.CaseRepository;

/** The returns on file. */
public interface Returns extends CaseRepository<ReturnRequest> {

    @Override
    default CaseKind kind() {
        return CaseKind.RETURN;
    }
}
