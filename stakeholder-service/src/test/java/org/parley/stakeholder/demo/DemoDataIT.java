package org.parley.stakeholder.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.common.testkit.TestPostgres;

/**
 * The local run's data: every migration and every demo script applies to an empty database, twice
 * without harm, and gives a newcomer a living registry.
 */
class DemoDataIT {

    static TestPostgres.Database database;

    @BeforeAll
    static void migrateAndRunTheDemoScriptsAgain() throws Exception {
        database = TestPostgres.newDatabase("stakeholder_demo");
        Flyway.configure()
                .dataSource(database.url(), database.user(), database.password())
                .locations("classpath:db/migration", "classpath:db/parley-common", "classpath:db/demo")
                .load()
                .migrate();
        // a repeatable script runs again whenever it changes: it must not fail on the rows it made before
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
                Statement s = c.createStatement()) {
            for (String script : List.of("R__demo_frameworks.sql", "R__demo_stakeholders.sql",
                    "R__demo_stakeholders_commitments.sql", "R__demo_working_groups.sql")) {
                try (var in = DemoDataIT.class.getResourceAsStream("/db/demo/" + script)) {
                    s.execute(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
    }

    static List<String> column(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }

    @Test
    void theDemoLoginsStakeholdersKeepTheirIds() throws SQLException {
        assertThat(column("select id from stakeholder")).contains(
                "01930000-0000-7000-8000-00000000a001", "01930000-0000-7000-8000-00000000a002",
                "01930000-0000-7000-8000-00000000c001", "01930000-0000-7000-8000-00000000c002");
    }

    @Test
    void everyKindOfStakeholderTakesPart() throws SQLException {
        assertThat(column("select distinct kind from stakeholder")).containsExactlyInAnyOrder(
                "STATE", "COMPANY", "CIVIL_SOCIETY", "INTERNATIONAL_ORGANISATION", "RESEARCH", "MEDIA");
        assertThat(column("select count(*) from stakeholder where kind = 'STATE'")).containsExactly("4");
    }

    @Test
    void everyActiveCompanyHasAContactPointForOrders() throws SQLException {
        assertThat(column("""
                select s.name from stakeholder s left join contact_point c on c.stakeholder_id = s.id
                where s.kind = 'COMPANY' and s.status = 'ACTIVE' and c.stakeholder_id is null
                """)).isEmpty();
    }

    @Test
    void theThreeFrameworksHaveClausesAndSources() throws SQLException {
        assertThat(column("select name from framework order by name"))
                .containsExactly("Christchurch Call", "GNI Principles", "Santa Clara Principles 2.0");
        assertThat(column("select count(*) from framework f where source_url like 'https://%' and exists "
                + "(select 1 from framework_clause c where c.framework_id = f.id)")).containsExactly("3");
    }

    @Test
    void commitmentsStandInEveryStatusWithReportsAndAssessments() throws SQLException {
        assertThat(column("select distinct status from commitment")).containsExactlyInAnyOrder(
                "PLEDGED", "IN_PROGRESS", "IMPLEMENTED", "LAPSED", "WITHDRAWN");
        assertThat(column("select distinct rating from assessment")).containsExactlyInAnyOrder(
                "MEETS", "PARTIALLY_MEETS", "DOES_NOT_MEET");
        assertThat(Integer.parseInt(column("select count(*) from progress_report").getFirst())).isGreaterThanOrEqualTo(5);
        assertThat(column("select count(*) from commitment where indicator = 'APPEAL_DECISION_DAYS' and indicator_target is null"))
                .containsExactly("0");
    }

    @Test
    void openDemoPledgesAreNotAlreadyPastTheirTargetDate() throws SQLException {
        assertThat(column("select id from commitment where status in ('PLEDGED', 'IN_PROGRESS') and target_date < date '2026-12-31'"))
                .isEmpty();
    }

    @Test
    void workingGroupsMixKinds() throws SQLException {
        assertThat(Integer.parseInt(column("""
                select count(distinct s.kind) from working_group_member m join stakeholder s on s.id = m.stakeholder_id
                """).getFirst())).isGreaterThanOrEqualTo(4);
    }
}
