package io.dropflow.supplier.cj;

import io.dropflow.partners.DeliveryHandler;
import io.dropflow.partners.PartnerCalls;
import io.dropflow.partners.PartnerDeliveries;
import io.dropflow.partners.PartnerTokens;
import io.dropflow.partners.internal.PartnerSettings;
import io.dropflow.partners.internal.ResilientPartnerCalls;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** A CJ client against WireMock, with the real call limits (per node) and an in-memory token store. */
final class CjFixtures {

    private CjFixtures() {
    }

    static CjSettings.Account account(String baseUrl, String apiKey, String accessToken) {
        return new CjSettings.Account(baseUrl, apiKey, accessToken, "12312", "CJPacket Ordinary", null, null, null, null,
                Duration.ofSeconds(1), Duration.ofMillis(1200), 50.0, null);
    }

    static CjDropshipping client(String baseUrl, String apiKey, String accessToken, RaisedToOperators operators) {
        return client(baseUrl, apiKey, accessToken, operators, new MemoryTokens(), new SimpleMeterRegistry());
    }

    static CjDropshipping client(String baseUrl, String apiKey, String accessToken, RaisedToOperators operators,
            PartnerTokens tokens, SimpleMeterRegistry metrics) {
        return client(account(baseUrl, apiKey, accessToken),
                ResilientPartnerCalls.local(new PartnerSettings(null, null, null), metrics, Clock.systemUTC()), tokens,
                operators);
    }

    /** A CJ client for supplier "CJ" with this account, making its calls through these partner calls. */
    static CjDropshipping client(CjSettings.Account account, PartnerCalls calls, PartnerTokens tokens,
            RaisedToOperators operators) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("deliveries", operators));
        return new CjDropshipping(new CjSettings(Map.of("CJ", account)), calls, tokens,
                beans.getBeanProvider(PartnerDeliveries.class));
    }

    /** What CJ's answers raised to an operator. */
    static final class RaisedToOperators implements PartnerDeliveries {

        final List<String> raised = new CopyOnWriteArrayList<>();

        @Override
        public Receipt receive(String partner, String account, String topic, String deliveryId, String payload) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void raise(String partner, String account, String topic, String id, String payload, String why) {
            raised.add(topic + " " + id + ": " + why);
        }

        @Override
        public boolean recordNotApplied(String partner, String account, String topic, String id, String payload,
                String why, boolean toOperator) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void recordTaken(String partner, String account, String topic, String id, String payload) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.util.Optional<String> recordedPayload(String partner, String account, String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<DeliveryHandler.Delivery> awaitingOperator(String partner, String account) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void describe(Recorded delivery, String whatHappened, io.dropflow.processengine.FormFacts facts) {
            throw new UnsupportedOperationException();
        }
    }

    /** One node's token store, without the database (PartnerClusterTest covers the database's). */
    static final class MemoryTokens implements PartnerTokens {

        private Token token;
        int logins;
        int refreshes;

        @Override
        public synchronized String accessToken(String partner, String account, Duration renewBefore, Source source) {
            if (token != null && (token.accessExpiresAt() == null
                    || token.accessExpiresAt().isAfter(Instant.now().plus(renewBefore)))) {
                return token.accessToken();
            }
            if (token != null && token.refreshToken() != null) {
                refreshes++;
                token = source.refresh(token.refreshToken());
            } else {
                logins++;
                token = source.login();
            }
            return token.accessToken();
        }

        @Override
        public synchronized void expire(String partner, String account, String refusedToken) {
            if (token != null && token.accessToken().equals(refusedToken)) {
                token = new Token(token.accessToken(), Instant.EPOCH, token.refreshToken(), token.refreshExpiresAt());
            }
        }
    }
}
