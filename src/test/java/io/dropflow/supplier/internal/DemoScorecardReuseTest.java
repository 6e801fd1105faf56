package io.dropflow.supplier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The demo's scorecard hour lasts two seconds: a scorecard reused for production's five minutes would be 150 of
 * its hours old, and the missed-deadline form would show "0 purchase orders" for a supplier with eleven
 * (explore-s12 orders 5). Selection and forms reuse a card for at most one scorecard hour, in both profiles.
 */
class DemoScorecardReuseTest {

    @Test
    void aScorecardIsReusedForNoLongerThanOneOfItsHoursInTheDemoAndInProduction() throws IOException {
        assertThat(settings("application-demo.yaml", "application.yaml").reuseFor())
                .isLessThanOrEqualTo(settings("application-demo.yaml", "application.yaml").hour());
        assertThat(settings("application.yaml").reuseFor()).isLessThanOrEqualTo(settings("application.yaml").hour());
    }

    /** The settings as Spring binds them from these files, the first winning. */
    private static ScorecardSettings settings(String... files) throws IOException {
        List<PropertySource<?>> sources = new ArrayList<>();
        YamlPropertySourceLoader loader = new YamlPropertySourceLoader();
        for (String file : files) {
            sources.addAll(loader.load(file, new ClassPathResource(file)));
        }
        return new Binder(ConfigurationPropertySources.from(sources)).bind("dropflow.scorecard", ScorecardSettings.class)
                .get();
    }
}
