package io.dropflow.claim.internal;

import io.dropflow.aftersales.CaseKind;
import io.dropflow.aftersales.CaseRepository;

/** The claims on file. */
public interface Claims extends CaseRepository<Claim> {

    @Override
    default CaseKind kind() {
        return CaseKind.CLAIM;
    }
}
