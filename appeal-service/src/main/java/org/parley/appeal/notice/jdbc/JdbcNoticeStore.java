package org.parley.appeal.notice.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.parley.appeal.notice.domain.Ground;
import org.parley.appeal.notice.domain.Notice;
import org.parley.appeal.notice.domain.NoticeReference;
import org.parley.appeal.notice.domain.NoticeStore;
import org.parley.appeal.notice.domain.NoticeStore.AppealLink;
import org.parley.appeal.notice.domain.Restriction;
import org.parley.appeal.privacy.PersonalDataCipher;
import org.parley.appeal.shared.domain.Person;
import org.parley.appeal.stakeholders.domain.ContentCategory;
import org.parley.common.kernel.Caller;
import org.parley.common.kernel.Role;
import org.parley.common.paging.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcNoticeStore implements NoticeStore {

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;

    JdbcNoticeStore(JdbcClient jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Override
    public boolean insert(Notice n) {
        return jdbc.sql("""
                insert into notice (id, reference, company_id, content_ref, account_ref_sealed, restriction, territorial_scope,
                    ground, legal_reference, terms_reference, category, category_name, category_incitement, standards_version,
                    facts, automated_detection, automated_decision, decided_at, request_id, language, decider_subject,
                    decider_username, access_code_hash, recorded_at)
                values (:id, :reference, :company, :content, :account, :restriction, :scope, :ground, :legal, :terms, :category,
                    :categoryName, :incitement, :standardsVersion, :facts, :autoDetection, :autoDecision, :decidedAt, :request,
                    :language, :deciderSubject, :deciderUsername, :codeHash, :recordedAt)
                on conflict (reference) do nothing
                """)
                .param("id", n.id())
                .param("reference", n.reference().value())
                .param("company", n.companyId())
                .param("content", n.contentRef())
                .param("account", cipher.seal(n.accountRef(), n.id().toString()))
                .param("restriction", n.restriction().name())
                .param("scope", n.territorialScope().toArray(String[]::new))
                .param("ground", n.ground().name())
                .param("legal", n.legalReference())
                .param("terms", n.termsReference())
                .param("category", n.category().code())
                .param("categoryName", n.category().name())
                .param("incitement", n.category().incitement())
                .param("standardsVersion", n.standardsVersion())
                .param("facts", n.facts())
                .param("autoDetection", n.automatedDetection())
                .param("autoDecision", n.automatedDecision())
                .param("decidedAt", Timestamp.from(n.decidedAt()))
                .param("request", n.requestId())
                .param("language", n.language())
                .param("deciderSubject", n.decider().subject())
                .param("deciderUsername", n.decider().username())
                .param("codeHash", n.accessCodeHash())
                .param("recordedAt", Timestamp.from(n.recordedAt()))
                .update() == 1;
    }

    @Override
    public Optional<Notice> find(UUID id) {
        return jdbc.sql(SELECT + " where n.id = :id").param("id", id).query(this::map).optional();
    }

    @Override
    public Optional<Notice> findByReference(NoticeReference reference) {
        return jdbc.sql(SELECT + " where n.reference = :reference").param("reference", reference.value())
                .query(this::map).optional();
    }

    @Override
    public boolean updateClaim(Notice claimed, int expectedVersion) {
        return jdbc.sql("""
                update notice set owner_subject = :owner, claimed_at = :claimedAt, version = :version
                where id = :id and version = :expected
                """)
                .param("owner", claimed.ownerSubject())
                .param("claimedAt", Timestamp.from(claimed.claimedAt()))
                .param("version", claimed.version())
                .param("id", claimed.id())
                .param("expected", expectedVersion)
                .update() == 1;
    }

    @Override
    public boolean updateAccessCode(Notice notice, int expectedVersion) {
        return jdbc.sql("""
                update notice set access_code_hash = :hash, version = :version
                where id = :id and version = :expected and owner_subject is null
                """)
                .param("hash", notice.accessCodeHash())
                .param("version", notice.version())
                .param("id", notice.id())
                .param("expected", expectedVersion)
                .update() == 1;
    }

    @Override
    public List<Notice> list(Caller caller, NoticeFilter filter, PageRequest page) {
        List<String> visible = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (!caller.isAdmin()) {
            if (caller.has(Role.COMPANY_RESPONDER) && caller.stakeholderId().isPresent()) {
                visible.add("n.company_id = cast(:company as uuid)");
                params.put("company", caller.stakeholderId().get());
            }
            if (caller.has(Role.APPELLANT)) {
                visible.add("n.owner_subject = :owner");
                params.put("owner", caller.subject());
            }
            if (caller.has(Role.REVIEWER)) {
                visible.add("exists (select 1 from appeal a where a.notice_id = n.id and a.escalated_at is not null)");
            }
            if (visible.isEmpty()) {
                return List.of();
            }
        }
        StringBuilder sql = new StringBuilder(SELECT).append(" where true");
        if (!visible.isEmpty()) {
            sql.append(" and (").append(String.join(" or ", visible)).append(")");
        }
        if (filter.claimed() != null) {
            sql.append(filter.claimed() ? " and n.owner_subject is not null" : " and n.owner_subject is null");
        }
        if (filter.requestId() != null) {
            sql.append(" and n.request_id = :request");
            params.put("request", filter.requestId());
        }
        if (page.after().isPresent()) {
            sql.append(" and n.id > :after");
            params.put("after", page.after().get());
        }
        sql.append(" order by n.id limit :limit");
        params.put("limit", page.fetchSize());
        return jdbc.sql(sql.toString()).params(params).query(this::map).list();
    }

    @Override
    public Map<UUID, AppealLink> appealsOf(Collection<UUID> noticeIds) {
        Map<UUID, AppealLink> appeals = new HashMap<>();
        if (noticeIds.isEmpty()) {
            return appeals;
        }
        jdbc.sql("select notice_id, id, escalated_at is not null from appeal where notice_id = any(:ids)")
                .param("ids", noticeIds.toArray(UUID[]::new))
                .query(rs -> {
                    appeals.put(rs.getObject(1, UUID.class), new AppealLink(rs.getObject(2, UUID.class), rs.getBoolean(3)));
                });
        return appeals;
    }

    @Override
    public void rememberCompany(UUID id, String name, Instant now) {
        jdbc.sql("""
                insert into company (id, name, updated_at) values (:id, :name, :now)
                on conflict (id) do update set name = excluded.name, updated_at = excluded.updated_at
                where company.name <> excluded.name
                """)
                .param("id", id).param("name", name).param("now", Timestamp.from(now))
                .update();
    }

    private static final String SELECT = "select n.*, c.name as company_name from notice n join company c on c.id = n.company_id";

    private Notice map(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Array scope = rs.getArray("territorial_scope");
        Timestamp claimedAt = rs.getTimestamp("claimed_at");
        return new Notice(
                id,
                new NoticeReference(rs.getString("reference")),
                rs.getObject("company_id", UUID.class),
                rs.getString("company_name"),
                rs.getString("content_ref"),
                cipher.open(rs.getString("account_ref_sealed"), id.toString()),
                Restriction.valueOf(rs.getString("restriction")),
                List.of((String[]) scope.getArray()),
                Ground.valueOf(rs.getString("ground")),
                rs.getString("legal_reference"),
                rs.getString("terms_reference"),
                new ContentCategory(rs.getString("category"), rs.getString("category_name"), rs.getBoolean("category_incitement")),
                rs.getInt("standards_version"),
                rs.getString("facts"),
                rs.getBoolean("automated_detection"),
                rs.getBoolean("automated_decision"),
                rs.getTimestamp("decided_at").toInstant(),
                rs.getObject("request_id", UUID.class),
                rs.getString("language"),
                new Person(rs.getString("decider_subject"), rs.getString("decider_username")),
                rs.getString("access_code_hash"),
                rs.getString("owner_subject"),
                claimedAt == null ? null : claimedAt.toInstant(),
                rs.getTimestamp("recorded_at").toInstant(),
                rs.getInt("version"));
    }
}
