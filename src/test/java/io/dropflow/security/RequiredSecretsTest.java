package io.dropflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

/**
 * The early check of what an operator must supply (explorer "code", session 12, findings 1, 2, 4 and 5):
 * every missing or wrong setting named in one message, by its environment variable and its property,
 * before any bean is created. The production profile's file is given as it is written: placeholders
 * that nothing resolves stay unresolved, as in a start without the variables.
 */
class RequiredSecretsTest {

    /** application-postgres.yaml's settings with every variable set, as an operator gives them. */
    private static MockEnvironment production() {
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles("postgres");
        env.setProperty("spring.datasource.url", "jdbc:postgresql://db.internal:5432/dropflow");
        env.setProperty("spring.datasource.username", "dropflow");
        env.setProperty("spring.datasource.password", "db-secret");
        env.setProperty("camunda.bpm.admin-user.id", "admin");
        env.setProperty("camunda.bpm.admin-user.password", "Correct-Horse-Battery-9");
        env.setProperty("dropflow.webhooks.token", "partner-secret");
        env.setProperty("dropflow.public-base-url", "https://dropflow.example.com");
        env.setProperty("dropflow.seller.name", "Owner Goods");
        env.setProperty("dropflow.seller.return-address", "Hafenstrasse 3, 20457 Hamburg, DE");
        env.setProperty("dropflow.onboarding.quality-check.line1", "Hafenstrasse 3");
        env.setProperty("dropflow.onboarding.quality-check.postal-code", "20457");
        env.setProperty("dropflow.onboarding.quality-check.city", "Hamburg");
        env.setProperty("dropflow.onboarding.quality-check.country", "DE");
        env.setProperty("dropflow.partners.storefront", "shopify");
        return env;
    }

    private static void check(MockEnvironment env) {
        RequiredSecrets check = new RequiredSecrets();
        check.setEnvironment(env);
        check.postProcessBeanFactory(new DefaultListableBeanFactory());
    }

    @Test
    void aCompleteProductionEnvironmentStarts() {
        assertThatCode(() -> check(production())).doesNotThrowAnyException();
    }

    @Test
    void everyMissingVariableIsNamedInOneMessageWithItsProperty() {
        MockEnvironment env = production();
        env.setProperty("spring.datasource.url", "${DROPFLOW_DB_URL}");
        env.setProperty("spring.datasource.username", "${DROPFLOW_DB_USER}");
        env.setProperty("spring.datasource.password", "${DROPFLOW_DB_PASSWORD}");
        env.setProperty("camunda.bpm.admin-user.password", "${DROPFLOW_ADMIN_PASSWORD}");
        env.setProperty("dropflow.webhooks.token", "");
        env.setProperty("dropflow.seller.return-address", "${DROPFLOW_SELLER_RETURN_ADDRESS}");

        assertThatThrownBy(() -> check(env)).isInstanceOf(IllegalStateException.class).hasMessage("""
                Dropflow will not start: 6 settings are missing or wrong (there are no defaults outside the demo profile):
                 - DROPFLOW_ADMIN_PASSWORD (camunda.bpm.admin-user.password) is not set: the administrator's password
                 - DROPFLOW_WEBHOOK_TOKEN (dropflow.webhooks.token) is not set: the partners' webhook token
                 - DROPFLOW_DB_URL (spring.datasource.url) is not set: the PostgreSQL database, jdbc:postgresql://host:5432/dropflow
                 - DROPFLOW_DB_USER (spring.datasource.username) is not set: the database user
                 - DROPFLOW_DB_PASSWORD (spring.datasource.password) is not set: the database user's password
                 - DROPFLOW_SELLER_RETURN_ADDRESS (dropflow.seller.return-address) is not set: the return address printed on every label""");
    }

    /**
     * Exploratory s14 production, 3: a time zone or a country the beans refuse was found only after Flyway had
     * migrated the shared database and the models were deployed; operations.md promises a node refuses before.
     */
    @Test
    void aTimeZoneOrACountryThatIsNoneIsRefusedBeforeAnyBean() {
        MockEnvironment env = production();
        env.setProperty("dropflow.seller.time-zone", "Mars/Base");
        env.setProperty("dropflow.onboarding.quality-check.country", "Germany");

        assertThatThrownBy(() -> check(env)).isInstanceOf(IllegalStateException.class).hasMessage("""
                Dropflow will not start: 2 settings are missing or wrong (there are no defaults outside the demo profile):
                 - DROPFLOW_SELLER_TIME_ZONE (dropflow.seller.time-zone) is 'Mars/Base', not a time zone: use a region id such as Asia/Shanghai or Europe/Berlin, or UTC
                 - DROPFLOW_QUALITY_CHECK_COUNTRY (dropflow.onboarding.quality-check.country) is 'Germany', not an ISO 3166 alpha-2 country code: where applicants ship their samples, e.g. DE""");

        env.setProperty("dropflow.seller.time-zone", "Europe/Berlin");
        env.setProperty("dropflow.onboarding.quality-check.country", "XK");
        assertThatCode(() -> check(env)).doesNotThrowAnyException();
    }

    /** A module's own settings (the onboarding's sample address, META-INF/spring.factories) are named in the one message. */
    @Test
    void theSampleAddressTheEnvironmentLeftOutIsNamedWithTheOtherMissingSettings() {
        MockEnvironment env = production();
        env.setProperty("dropflow.seller.return-address", "${DROPFLOW_SELLER_RETURN_ADDRESS}");
        env.setProperty("dropflow.onboarding.quality-check.line1", "${DROPFLOW_QUALITY_CHECK_LINE1}");
        env.setProperty("dropflow.onboarding.quality-check.city", "");

        assertThatThrownBy(() -> check(env)).isInstanceOf(IllegalStateException.class).hasMessage("""
                Dropflow will not start: 3 settings are missing or wrong (there are no defaults outside the demo profile):
                 - DROPFLOW_SELLER_RETURN_ADDRESS (dropflow.seller.return-address) is not set: the return address printed on every label
                 - DROPFLOW_QUALITY_CHECK_LINE1 (dropflow.onboarding.quality-check.line1) is not set: where applicants ship their samples
                 - DROPFLOW_QUALITY_CHECK_CITY (dropflow.onboarding.quality-check.city) is not set: where applicants ship their samples""");
    }

    /**
     * Exploratory s14 production, 10: users made in production could have their id as password. The profile turns
     * Camunda's password policy on; the configured passwords are checked against the same rules before anything is
     * migrated and each one that breaks them is named with what it lacks, as a warning: they create their users on
     * the first start only, so one set long ago must not keep an upgraded node from starting (review s14 F1).
     */
    @Test
    void configuredPasswordsThatBreakCamundasPolicyAreNamedWithWhatTheyLackWithoutStoppingTheStart() {
        MockEnvironment env = production();
        env.setProperty("camunda.bpm.admin-user.password", "letmein");
        env.setProperty("dropflow.identity.users[0].id", "shop");
        env.setProperty("dropflow.identity.users[0].password", "Shop-Password-1");
        RequiredSecrets check = new RequiredSecrets();
        check.setEnvironment(env);

        assertThat(check.passwordWarnings()).containsExactly(
                "DROPFLOW_ADMIN_PASSWORD (camunda.bpm.admin-user.password) breaks Camunda's password policy: it lacks at"
                        + " least 10 characters, an upper-case letter, a digit, a sign that is neither letter nor digit",
                "dropflow.identity.users[0] (shop)'s password breaks Camunda's password policy: it holds the user's id"
                        + " or name");
        assertThatCode(() -> check(env)).doesNotThrowAnyException();

        env.setProperty("camunda.bpm.admin-user.password", "Letmein-2026!");
        env.setProperty("dropflow.identity.users[0].password", "Integration-Key-1");
        assertThat(check.passwordWarnings()).isEmpty();
    }

    @Test
    void productionRefusesAnyDatabaseButPostgresNamingTheUrlGivenWithoutItsPassword() {
        MockEnvironment memory = production();
        memory.setProperty("spring.datasource.url", "jdbc:h2:mem:f;DB_CLOSE_DELAY=-1;PASSWORD=hunter2");
        assertThatThrownBy(() -> check(memory)).hasMessageContaining(
                "DROPFLOW_DB_URL (spring.datasource.url) is jdbc:h2:mem:f;DB_CLOSE_DELAY=-1;PASSWORD=***: the 'postgres'"
                        + " profile runs on PostgreSQL only").hasMessageNotContaining("hunter2");

        MockEnvironment file = production();
        file.setProperty("spring.datasource.url", "jdbc:h2:file:./data/dropflow");
        assertThatThrownBy(() -> check(file)).hasMessageContaining("is jdbc:h2:file:./data/dropflow: the 'postgres'");

        assertThat(RequiredSecrets.withoutPassword("jdbc:postgresql://db/x?user=a&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/x?user=a&password=***&ssl=true");
        assertThat(RequiredSecrets.withoutPassword("jdbc:mysql://a:s3cret@db/x")).isEqualTo("jdbc:mysql://a:***@db/x");
    }

    @Test
    void productionRefusesAPublicBaseUrlPartnersCannotReach() {
        for (String local : new String[] {"http://localhost:8095", "https://localhost", "https://127.0.0.1:8443",
                "https://[::1]/", "https://app.localhost", "https://0.0.0.0", "http://dropflow.example.com"}) {
            MockEnvironment env = production();
            env.setProperty("dropflow.public-base-url", local);
            assertThatThrownBy(() -> check(env)).as(local)
                    .hasMessageStartingWith("Dropflow will not start: 1 setting is missing or wrong")
                    .hasMessageContaining("DROPFLOW_PUBLIC_BASE_URL (dropflow.public-base-url) is " + local + ", ");
        }
        assertThat(RequiredSecrets.unreachable("http://localhost:8095")).isEqualTo(
                "not https and this machine itself (loopback), which no partner reaches");
        assertThat(RequiredSecrets.unreachable("https://dropflow.example.com/base")).isNull();
        assertThat(RequiredSecrets.unreachable("https://10.0.0.5")).isNull(); // behind the seller's own network
    }

    /** Nodes a test starts the way an operator does, on one machine (resilience/DropflowNode). */
    @Test
    void aLocalPublicBaseUrlIsAllowedOnlyWhenTheTestsSettingSaysSo() {
        MockEnvironment env = production();
        env.setProperty("dropflow.public-base-url", "http://localhost:8095");
        env.setProperty(RequiredSecrets.LOCAL_BASE_URL_FOR_TESTS, "true");
        assertThatCode(() -> check(env)).doesNotThrowAnyException();
    }

    /** The demo and the tests have their own values; only the two secrets are checked there, as before. */
    @Test
    void outsideProductionOnlyTheAdministratorsPasswordAndTheWebhookTokenAreRequired() {
        MockEnvironment demo = new MockEnvironment();
        demo.setDefaultProfiles("demo"); // application.yaml's spring.profiles.default
        demo.setProperty("camunda.bpm.admin-user.id", "demo");
        demo.setProperty("camunda.bpm.admin-user.password", "demo");
        demo.setProperty("dropflow.webhooks.token", "demo-token");
        demo.setProperty("spring.datasource.url", "jdbc:h2:file:./data/dropflow");
        demo.setProperty("dropflow.public-base-url", "http://localhost:8080");
        assertThatCode(() -> check(demo)).doesNotThrowAnyException();

        demo.setProperty("dropflow.webhooks.token", "${DROPFLOW_WEBHOOK_TOKEN}");
        assertThatThrownBy(() -> check(demo)).hasMessageContaining("1 setting is missing or wrong")
                .hasMessageContaining("DROPFLOW_WEBHOOK_TOKEN (dropflow.webhooks.token) is not set");
    }

    /**
     * Exploratory s16 ops, 2: a storefront that is neither shopify nor (where the sandbox runs) sandbox left no
     * storefront bean; the node migrated the shared database and deployed the models before Spring's "required a bean"
     * named no setting. Refused before any bean, naming the setting and the values it takes, with the other problems.
     */
    @Test
    void aStorefrontNoAdapterServesIsRefusedBeforeAnyBeanNamingTheValuesItTakes() {
        MockEnvironment env = production();
        env.setProperty("dropflow.partners.storefront", "sandbox");
        env.setProperty("dropflow.seller.name", "${DROPFLOW_SELLER_NAME}");
        assertThatThrownBy(() -> check(env)).isInstanceOf(IllegalStateException.class).hasMessage("""
                Dropflow will not start: 2 settings are missing or wrong (there are no defaults outside the demo profile):
                 - DROPFLOW_SELLER_NAME (dropflow.seller.name) is not set: the sender printed on every label
                 - DROPFLOW_PARTNERS_STOREFRONT (dropflow.partners.storefront) is 'sandbox', which no storefront adapter serves here: it takes shopify (the sandbox storefront runs in the demo, test and bench profiles only)""");

        env.setProperty("dropflow.seller.name", "Owner Goods");
        env.setProperty("dropflow.partners.storefront", "shopfy");
        assertThatThrownBy(() -> check(env)).hasMessageContaining(
                "DROPFLOW_PARTNERS_STOREFRONT (dropflow.partners.storefront) is 'shopfy', which no storefront adapter serves here: it takes shopify");

        MockEnvironment demo = new MockEnvironment();
        demo.setDefaultProfiles("demo");
        demo.setProperty("camunda.bpm.admin-user.id", "demo");
        demo.setProperty("camunda.bpm.admin-user.password", "demo");
        demo.setProperty("dropflow.webhooks.token", "demo-token");
        demo.setProperty("dropflow.partners.storefront", "sandbox");
        assertThatCode(() -> check(demo)).doesNotThrowAnyException();
        demo.setProperty("dropflow.partners.storefront", "Shopify");
        assertThatCode(() -> check(demo)).doesNotThrowAnyException();
        demo.setProperty("dropflow.partners.storefront", "woocommerce");
        assertThatThrownBy(() -> check(demo)).hasMessageContaining(
                "DROPFLOW_PARTNERS_STOREFRONT (dropflow.partners.storefront) is 'woocommerce', which no storefront adapter serves here: it takes shopify or sandbox");
    }
}
