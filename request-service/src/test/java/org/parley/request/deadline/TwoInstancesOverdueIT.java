package org.parley.request.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.ApiClient;
import org.parley.common.testkit.TestPostgres;
import org.parley.request.support.Bodies;
import org.parley.request.support.TwoInstances;
import org.parley.request.support.World;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances of the service against one database, with one clock: both sweep at once, and every
 * overdue request is marked, audited and counted exactly once.
 */
class TwoInstancesOverdueIT {

    static final int REQUESTS = 150;

    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() {
        TestPostgres.Database database = TestPostgres.newDatabase("request_two");
        first = TwoInstances.instance(database);
        second = TwoInstances.instance(database);
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void twoInstancesSweepingAtOnceMarkEachOverdueRequestExactlyOnce() throws Exception {
        World.Authority de = World.authority("DE");
        World.Company video = World.company("DE");
        for (int i = 0; i < REQUESTS; i++) {
            ApiClient api = TwoInstances.api(i % 2 == 0 ? first : second);
            assertThat(api.post("/api/v1/requests", Bodies.removalOrder(video.id())).auth(de.liaison()).send().status())
                    .isEqualTo(201);
        }
        TwoInstances.CLOCK.advance(Duration.ofMinutes(61));

        List<Integer> marked = sweepTogether();

        assertThat(marked.get(0) + marked.get(1)).as("marked by the two instances " + marked).isEqualTo(REQUESTS);
        JdbcClient jdbc = first.getBean(JdbcClient.class);
        assertThat(jdbc.sql("select count(*) from government_request where overdue_at is not null").query(Long.class).single())
                .isEqualTo(REQUESTS);
        assertThat(jdbc.sql("""
                select count(*) from (
                    select entity_id from audit_record where action = 'REQUEST_OVERDUE' group by entity_id having count(*) <> 1
                ) twice""").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'REQUEST_OVERDUE'").query(Long.class).single())
                .isEqualTo(REQUESTS);
        assertThat(jdbc.sql("select count(*) from request_event where kind = 'REQUEST_OVERDUE'").query(Long.class).single())
                .as("each mark told once to the company and once to the authority").isEqualTo(2L * REQUESTS);
        for (String grain : List.of("D", "M", "Y")) {
            assertThat(jdbc.sql("select sum(overdue) from request_rollup where grain = :grain and company_id = :company")
                    .param("grain", grain).param("company", video.id()).query(Long.class).single())
                    .as("overdue counted in the " + grain + " cells").isEqualTo(REQUESTS);
        }

        assertThat(sweepTogether()).as("nothing is left to mark").containsExactly(0, 0);
    }

    private static List<Integer> sweepTogether() throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<Integer>> sweeps = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (ConfigurableApplicationContext instance : List.of(first, second)) {
                OverdueSweep sweep = instance.getBean(OverdueSweep.class);
                sweeps.add(pool.submit(() -> {
                    together.await();
                    return sweep.sweep();
                }));
            }
            List<Integer> marked = new ArrayList<>();
            for (Future<Integer> sweep : sweeps) {
                marked.add(sweep.get());
            }
            return marked;
        }
    }
}
