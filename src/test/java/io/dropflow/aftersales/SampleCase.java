package io.dropflow.aftersales;

import java.time.Instant;

/** The smallest after-sales case, for testing what all cases share without a kind's own rules. */
class SampleCase extends AfterSalesCase<SampleCase.Status> {

    enum Status implements CaseStatus {
        OPEN, WAITING, DONE, DROPPED;

        @Override
        public boolean isOpen() {
            return this == OPEN || this == WAITING;
        }
    }

    private Status status = Status.OPEN;
    private boolean supplierPays;

    SampleCase(Instant now) {
        super(1L, 2L, 3L, "WEBSHOP", "EUR", AfterSalesFixtures.twoMugs(), now);
    }

    /** Of order 1, about these lines. */
    SampleCase(Instant now, java.util.List<CaseLine> lines) {
        super(1L, 2L, 3L, "WEBSHOP", "EUR", lines, now);
    }

    @Override
    public CaseKind kind() {
        return CaseKind.CLAIM;
    }

    @Override
    public Status getStatus() {
        return status;
    }

    @Override
    protected void setStatus(Status status) {
        this.status = status;
    }

    @Override
    protected Status waitingForSupplier() {
        return Status.WAITING;
    }

    /** Decided as a claim the supplier bears, or a return whose goods it took back: its booking has it pay. */
    SampleCase supplierPays() {
        supplierPays = true;
        return this;
    }

    @Override
    public boolean supplierPaysForItsGoods() {
        return supplierPays;
    }

    boolean answer(int round, Status answer, Instant now) {
        return answerRound(round, answer, null, "because", now);
    }
}
