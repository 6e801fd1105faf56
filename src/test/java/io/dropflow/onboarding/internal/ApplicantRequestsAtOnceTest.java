package io.dropflow.onboarding.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropflow.supplier.SupplierCodeTakenException;
import io.dropflow.support.DropflowTest;
import io.dropflow.web.ApiProblem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An applicant's request sent twice at the same moment: the first holds what it wrote, uncommitted, until
 * the second waits for it at the database; then the first commits. The second is the same 409 it would be
 * a moment later, never a 500 and never a second change taken over the first.
 */
@DropflowTest
class ApplicantRequestsAtOnceTest {

    @Autowired
    ApplicationIntake intake;
    @Autowired
    SupplierApplications applications;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DocumentAudit audit;
    @Autowired
    RuntimeService runtime;

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private static ApplicationForm form(String code) {
        return OnboardingFixtures.form(code, List.of());
    }

    /**
     * {@code first} runs in a transaction held open until {@code second}, started once {@code first} has
     * written, waits for a lock of it; then it commits. @return the second's outcome
     */
    private <T> Future<T> secondWhileFirstHolds(Runnable first, java.util.concurrent.Callable<T> second)
            throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        Future<?> holder = pool.submit(() -> transactions.executeWithoutResult(tx -> {
            first.run();
            written.countDown();
            await(commit);
        }));
        assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
        Future<T> answer = pool.submit(second);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (jdbc.queryForObject("select count(*) from pg_locks where not granted", Integer.class) == 0) {
            assertThat(answer.isDone()).as("the second request went through without waiting for the first").isFalse();
            assertThat(System.nanoTime()).as("the second request waits for the first's lock").isLessThan(until);
            Thread.sleep(10);
        }
        commit.countDown();
        holder.get(30, TimeUnit.SECONDS);
        return answer;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void refused(Future<?> answer, String message) {
        assertThatThrownBy(() -> answer.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(ApplicationRefusedException.class).hasMessageContaining(message);
    }

    private static String code() {
        return "RACE" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    /** The refusal the second request met, as its problem document shows it. */
    private static <E extends Throwable> E refusedWith(Future<?> answer, Class<E> kind, String type) {
        ExecutionException failed = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> answer.get(30, TimeUnit.SECONDS));
        assertThat(failed.getCause()).isInstanceOf(kind);
        assertThat(((ApiProblem) failed.getCause()).getBody().getType()).isEqualTo(ApiProblem.type(type));
        return kind.cast(failed.getCause());
    }

    @Test
    void theSameApplicationSentTwiceAtOnceIsOneApplicationAndA409SayingWhereTheOpenOneIs() throws Exception {
        String code = code();
        AtomicLong first = new AtomicLong();

        Future<SupplierApplication> second = secondWhileFirstHolds(
                () -> first.set(intake.submit(form(code), List.of()).getId()), () -> intake.submit(form(code), List.of()));

        ApplicationOpenException open = refusedWith(second, ApplicationOpenException.class, "application-open");
        assertThat(open.getMessage()).isEqualTo("an application for supplier " + code + " is open already: DF-ON"
                + first.get() + ", which GET /api/webhooks/onboarding/applications/" + first.get()
                + " shows; this one was not taken");
        assertThat(open.getBody().getProperties()).containsEntry("applicationId", first.get())
                .containsEntry("application", "/api/webhooks/onboarding/applications/" + first.get());
        assertThat(jdbc.queryForObject("select count(*) from supplier_application where supplier_code = ?",
                Integer.class, code)).isEqualTo(1);
    }

    @Test
    void aCodeTheCatalogGivesAnotherSupplierAtTheSameMomentIsThe409OfATakenCode() throws Exception {
        String code = code();

        Future<SupplierApplication> application = secondWhileFirstHolds(
                () -> jdbc.update("insert into supplier (code, name, region) values (?, 'Someone Else Ltd', 'DE')", code),
                () -> intake.submit(form(code), List.of()));

        SupplierCodeTakenException taken = refusedWith(application, SupplierCodeTakenException.class,
                "supplier-code-taken");
        assertThat(taken.getMessage()).isEqualTo("the catalog has a supplier " + code
                + " already (ACTIVE); apply under another code");
        assertThat(jdbc.queryForObject("select count(*) from supplier_application where supplier_code = ?",
                Integer.class, code)).isZero();
    }

    /** An applicant that applied under {@code code} and was turned down (its first process removed). */
    private Long turnedDown(String code) {
        Long first = transactions.execute(tx -> intake.submit(form(code), List.of()).getId());
        runtime.deleteProcessInstance(applications.get(first).getProcessInstanceId(), "test: turned down");
        audit.reject(first, "blurred licence");
        return first;
    }

    private List<Long> applicationsOf(String code) {
        return jdbc.queryForList("select id from supplier_application where supplier_code = ? order by id", Long.class,
                code);
    }

    private long processesOf(Long application) {
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(io.dropflow.onboarding.process.SupplierOnboardingProcess.businessKey(application))
                .count();
    }

    @Test
    void aTurnedDownApplicantApplyingAgainTwiceAtOnceIsOneApplicationAndA409SayingWhereItIs() throws Exception {
        String code = code();
        Long rejected = turnedDown(code);
        AtomicLong again = new AtomicLong();

        Future<SupplierApplication> second = secondWhileFirstHolds(
                () -> again.set(intake.submit(form(code), List.of()).getId()), () -> intake.submit(form(code), List.of()));

        ApplicationOpenException open = refusedWith(second, ApplicationOpenException.class, "application-open");
        assertThat(open.getBody().getProperties()).containsEntry("applicationId", again.get());
        assertThat(applicationsOf(code)).containsExactly(rejected, again.get());
        assertThat(applications.get(again.get()).getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(processesOf(again.get())).isEqualTo(1);
        assertThat(jdbc.queryForList("select status from supplier where code = ?", String.class, code))
                .containsExactly("ONBOARDING");
    }

    @Test
    void aTurnedDownApplicantCorrectedInTheCatalogAsItAppliesAgainIsToldToSendItAgainAndThenTaken() throws Exception {
        String code = code();
        Long rejected = turnedDown(code);

        Future<SupplierApplication> application = secondWhileFirstHolds(() -> jdbc.update("update supplier set name = "
                + "'Corrected Co., Ltd.', version = version + 1 where code = ?", code),
                () -> intake.submit(form(code), List.of()));

        ApplicationCollidedException collided = refusedWith(application, ApplicationCollidedException.class,
                "application-collided");
        assertThat(collided.getMessage()).isEqualTo("supplier " + code + " was changed by another request at the same "
                + "moment as this application registered it: nothing of this application was kept; send it again in a "
                + "moment");
        assertThat(collided.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(applicationsOf(code)).containsExactly(rejected);
        assertThat(jdbc.queryForList("select status from supplier where code = ?", String.class, code))
                .containsExactly("REJECTED");

        Long sentAgain = intake.submit(form(code), List.of()).getId();
        assertThat(applicationsOf(code)).containsExactly(rejected, sentAgain);
        assertThat(processesOf(sentAgain)).isEqualTo(1);
        assertThat(jdbc.queryForList("select status from supplier where code = ?", String.class, code))
                .containsExactly("ONBOARDING");
    }

    @Test
    void twoRevisedAgreementsAtOnceAreOneTakenAndA409() throws Exception {
        String code = code();
        Long id = transactions.execute(tx -> intake.submit(form(code), List.of()).getId());
        transactions.executeWithoutResult(tx -> {
            SupplierApplication application = applications.locked(id);
            application.moveTo(ApplicationStatus.AGREEMENT_REVIEW, Instant.now());
            application.agreementSentBack("offer less", Instant.now().plusSeconds(3600), Instant.now());
        });
        Consumer<String> revise = price -> intake.reviseAgreement(id, new ApplicationForm.ProposedAgreement("EUR",
                "AQL 2.5", List.of(new ApplicationForm.ProposedOffer("TEST-WOK", "SUP-TEST-WOK", new BigDecimal(price),
                        new BigDecimal("2.00"), 300, "CN", 72, "homeware"))), Party.APPLICANT);

        Future<Object> second = secondWhileFirstHolds(() -> revise.accept("7.50"), () -> {
            revise.accept("7.40");
            return null;
        });

        refused(second, "a revised agreement is taken when a supervisor sent the agreement back");
        assertThat(jdbc.queryForObject("select supply_price from supplier_application_offer o join supplier_application a "
                + "on a.id = o.application_id where a.id = ?", BigDecimal.class, id)).isEqualByComparingTo("7.50");
        assertThat(jdbc.queryForObject("select count(*) from supplier_application_history where application_id = ? "
                + "and what like 'Revised the agreement%'", Integer.class, id)).isEqualTo(1);
    }
}
