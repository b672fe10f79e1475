package org.parley.appeal.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.parley.appeal.partition.NoticePartitions;
import org.parley.appeal.support.AppealServiceIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Notices live in monthly partitions by the time of their id, and a lookup by id reads one of them. */
class NoticePartitionsIT extends AppealServiceIT {

    @Autowired
    NoticePartitions partitions;

    @Autowired
    TransactionTemplate transactions;

    private String plan(String sql) {
        return String.join("\n", jdbc.sql("explain (costs off) " + sql).query(String.class).list());
    }

    @Test
    void aNoticeIsStoredInThePartitionOfItsMonth() {
        String id = recordedNotice().get("id").asText();
        LocalDate month = LocalDate.now(ZoneOffset.UTC);

        String partition = jdbc.sql("select tableoid::regclass::text from notice where id = cast(? as uuid)").param(id)
                .query(String.class).single();

        assertThat(partition).isEqualTo(String.format("notice_%04d_%02d", month.getYear(), month.getMonthValue()));
        assertThat(count("select count(*) from notice_default")).isZero();
    }

    @Test
    void aLookupByIdReadsOnePartition() {
        String id = recordedNotice().get("id").asText();

        String byId = plan("select * from notice where id = '" + id + "'");

        assertThat(byId).contains("notice_" + LocalDate.now(ZoneOffset.UTC).getYear()).doesNotContain("Append")
                .doesNotContain("notice_default");
        // with the id a parameter (a generic plan), the partitions not needed are pruned when it runs
        String generic = transactions.execute(tx -> {
            // one connection for all three statements
            jdbc.sql("set local plan_cache_mode = force_generic_plan").update();
            jdbc.sql("prepare by_id(uuid) as select * from notice where id = $1").update();
            String explained = String.join("\n", jdbc.sql("explain (analyze, costs off, timing off, summary off) execute by_id('"
                    + id + "')").query(String.class).list());
            jdbc.sql("deallocate by_id").update();
            return explained;
        });
        assertThat(generic).containsPattern("Subplans Removed: [1-9]");
    }

    @Test
    void aClaimByReferenceAndAnAppealsNoticeAreFoundWithoutReadingEveryPartition() {
        JsonNode recorded = recordedNotice();

        String byReference = String.join("\n", jdbc.sql("""
                explain (analyze, costs off, timing off, summary off)
                select n.* from notice_key k join notice n on n.id = k.notice_id where k.reference = ?
                """).param(recorded.get("reference").asText()).query(String.class).list());

        // every partition but one is either pruned at run time or never executed
        long scanned = byReference.lines().filter(line -> line.contains("Index Scan using notice_")
                && !line.contains("notice_key") && !line.contains("never executed")).count();
        long skipped = byReference.lines().filter(line -> line.contains("never executed")).count();
        assertThat(scanned).as(byReference).isLessThanOrEqualTo(1);
        assertThat(byReference.contains("Subplans Removed") || skipped > 0).as(byReference).isTrue();
    }

    @Test
    void partitionsAreMadeAheadAndMakingThemAgainChangesNothing() {
        partitions.ensure();
        LocalDate next = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).plusMonths(3);

        assertThat(jdbc.sql("select to_regclass(?) is not null")
                .param(String.format("notice_%04d_%02d", next.getYear(), next.getMonthValue()))
                .query(Boolean.class).single()).isTrue();
        assertThat(partitions.ensure()).isEmpty();
    }

    @Test
    void appealsStillReferToTheirNotice() {
        JsonNode appeal = filedAppeal();

        assertThat(count("select count(*) from appeal a join notice n on n.id = a.notice_id where a.id = cast(? as uuid)",
                appeal.get("id").asText())).isEqualTo(1);
        List<String> foreignKeys = jdbc.sql("""
                select confrelid::regclass::text from pg_constraint where conrelid = 'appeal'::regclass and contype = 'f'
                """).query(String.class).list();
        assertThat(foreignKeys).contains("notice");
        assertThat(UUID.fromString(appeal.get("id").asText())).isNotNull();
    }
}
