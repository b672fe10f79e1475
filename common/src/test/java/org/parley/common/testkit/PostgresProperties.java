package org.parley.common.testkit;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a Spring test context at a fresh database of its own. */
public final class PostgresProperties {

    private PostgresProperties() {}

    public static void register(DynamicPropertyRegistry registry, String prefix) {
        TestPostgres.Database database = TestPostgres.newDatabase(prefix);
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::user);
        registry.add("spring.datasource.password", database::password);
    }
}
