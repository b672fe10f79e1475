package org.parley.appeal.dsa.jdbc;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.parley.appeal.dsa.domain.DsaExports;
import org.parley.appeal.dsa.domain.DsaStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads one day's notices through a cursor (a fetch size inside a read-only transaction: PostgreSQL's driver
 * then fetches in rounds instead of the whole result), so that a day of millions streams in constant memory.
 * The day is a range of ids (UUIDv7: their time is the recording time), read along one partition's primary key.
 */
@Repository
class JdbcDsaExports implements DsaExports {

    private static final int FETCH = 1_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;

    JdbcDsaExports(DataSource dataSource, PlatformTransactionManager transactions) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH);
        this.jdbc = JdbcClient.create(template);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @Override
    public void eachOfDay(LocalDate day, Consumer<DsaStatement.Row> each) {
        readOnly.executeWithoutResult(tx -> jdbc.sql("""
                        select n.id, n.restriction, n.territorial_scope, n.ground, n.legal_reference, n.terms_reference,
                            n.category, n.category_name, n.facts, n.automated_detection, n.automated_decision, n.decided_at,
                            n.request_id is not null as by_order, n.language, c.name as company_name, n.puid, n.reference,
                            n.recorded_at
                        from notice n join company c on c.id = n.company_id
                        where n.id >= uuid7_floor(:from) and n.id < uuid7_floor(:to)
                        order by n.id
                        """)
                .param("from", Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .param("to", Timestamp.from(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
                .query(rs -> {
                    each.accept(new DsaStatement.Row(
                            rs.getObject("id", UUID.class),
                            rs.getString("restriction"),
                            List.of((String[]) rs.getArray("territorial_scope").getArray()),
                            rs.getString("ground"),
                            rs.getString("legal_reference"),
                            rs.getString("terms_reference"),
                            rs.getString("category"),
                            rs.getString("category_name"),
                            rs.getString("facts"),
                            rs.getBoolean("automated_detection"),
                            rs.getBoolean("automated_decision"),
                            rs.getTimestamp("decided_at").toInstant(),
                            rs.getBoolean("by_order"),
                            rs.getString("language"),
                            rs.getString("company_name"),
                            rs.getString("puid"),
                            rs.getString("reference"),
                            rs.getTimestamp("recorded_at").toInstant()));
                }));
    }
}
