package org.parley.appeal.notice.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
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
        return insertAll(List.of(new Keyed(n, null))).getFirst() instanceof Inserted;
    }

    /**
     * Three statements for any number of notices: their keys (reference, puid) claimed in notice_key, where
     * a taken one is skipped; the puids skipped looked up; the notices whose keys were claimed inserted from
     * arrays ({@code unnest}), one row per element. Waits on a concurrent transaction that claims the same key
     * until it ends, so that a puid is answered EXISTING only once its notice committed.
     */
    @Override
    public List<Stored> insertAll(List<Keyed> notices) {
        int n = notices.size();
        List<Stored> result = new ArrayList<>(Collections.nCopies(n, null));
        if (n == 0) {
            return result;
        }
        String[] references = new String[n];
        UUID[] ids = new UUID[n];
        UUID[] companies = new UUID[n];
        String[] puids = new String[n];
        for (int i = 0; i < n; i++) {
            Notice notice = notices.get(i).notice();
            references[i] = notice.reference().value();
            ids[i] = notice.id();
            companies[i] = notice.companyId();
            puids[i] = notices.get(i).puid();
        }
        Set<UUID> claimed = new HashSet<>(jdbc.sql("""
                insert into notice_key (reference, notice_id, company_id, puid)
                select * from unnest(cast(:references as text[]), cast(:ids as uuid[]), cast(:companies as uuid[]),
                    cast(:puids as text[]))
                on conflict do nothing
                returning notice_id
                """)
                .param("references", references).param("ids", ids).param("companies", companies).param("puids", puids)
                .query((rs, row) -> rs.getObject(1, UUID.class)).list());
        Map<List<Object>, Existing> existing = new HashMap<>();
        List<UUID> lookCompanies = new ArrayList<>();
        List<String> lookPuids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!claimed.contains(ids[i]) && puids[i] != null) {
                lookCompanies.add(companies[i]);
                lookPuids.add(puids[i]);
            }
        }
        if (!lookPuids.isEmpty()) {
            jdbc.sql("""
                    select k.company_id, k.puid, k.notice_id, k.reference
                    from notice_key k join unnest(cast(:companies as uuid[]), cast(:puids as text[])) as w (company_id, puid)
                        on k.company_id = w.company_id and k.puid = w.puid
                    """)
                    .param("companies", lookCompanies.toArray(UUID[]::new)).param("puids", lookPuids.toArray(String[]::new))
                    .query(rs -> {
                        existing.put(List.of(rs.getObject(1, UUID.class), rs.getString(2)),
                                new Existing(rs.getObject(3, UUID.class), new NoticeReference(rs.getString(4))));
                    });
        }
        List<Notice> inserted = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (claimed.contains(ids[i])) {
                result.set(i, new Inserted());
                inserted.add(notices.get(i).notice());
            } else {
                Existing found = puids[i] == null ? null : existing.get(List.of(companies[i], puids[i]));
                result.set(i, found != null ? found : new ReferenceTaken());
            }
        }
        Map<UUID, String> puidOf = new HashMap<>();
        notices.forEach(k -> {
            if (k.puid() != null) {
                puidOf.put(k.notice().id(), k.puid());
            }
        });
        insertRows(inserted, puidOf);
        return result;
    }

    private void insertRows(List<Notice> rows, Map<UUID, String> puidOf) {
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        UUID[] id = new UUID[n];
        String[] reference = new String[n];
        UUID[] company = new UUID[n];
        String[] content = new String[n];
        String[] account = new String[n];
        String[] restriction = new String[n];
        String[] scope = new String[n];
        String[] ground = new String[n];
        String[] legal = new String[n];
        String[] terms = new String[n];
        String[] category = new String[n];
        String[] categoryName = new String[n];
        String[] incitement = new String[n];
        String[] standardsVersion = new String[n];
        String[] facts = new String[n];
        String[] detection = new String[n];
        String[] decision = new String[n];
        String[] decidedAt = new String[n];
        UUID[] request = new UUID[n];
        String[] language = new String[n];
        String[] deciderSubject = new String[n];
        String[] deciderUsername = new String[n];
        String[] codeHash = new String[n];
        String[] recordedAt = new String[n];
        String[] puid = new String[n];
        for (int i = 0; i < n; i++) {
            Notice r = rows.get(i);
            id[i] = r.id();
            reference[i] = r.reference().value();
            company[i] = r.companyId();
            content[i] = r.contentRef();
            account[i] = cipher.seal(r.accountRef(), r.id().toString());
            restriction[i] = r.restriction().name();
            scope[i] = String.join(",", r.territorialScope());
            ground[i] = r.ground().name();
            legal[i] = r.legalReference();
            terms[i] = r.termsReference();
            category[i] = r.category().code();
            categoryName[i] = r.category().name();
            incitement[i] = Boolean.toString(r.category().incitement());
            standardsVersion[i] = Integer.toString(r.standardsVersion());
            facts[i] = r.facts();
            detection[i] = Boolean.toString(r.automatedDetection());
            decision[i] = Boolean.toString(r.automatedDecision());
            decidedAt[i] = r.decidedAt().toString();
            request[i] = r.requestId();
            language[i] = r.language();
            deciderSubject[i] = r.decider().subject();
            deciderUsername[i] = r.decider().username();
            codeHash[i] = r.accessCodeHash();
            recordedAt[i] = r.recordedAt().toString();
            puid[i] = puidOf.get(r.id());
        }
        jdbc.sql("""
                insert into notice (id, reference, company_id, content_ref, account_ref_sealed, restriction, territorial_scope,
                    ground, legal_reference, terms_reference, category, category_name, category_incitement, standards_version,
                    facts, automated_detection, automated_decision, decided_at, request_id, language, decider_subject,
                    decider_username, access_code_hash, recorded_at, puid)
                select id, reference, company, content, account, restriction, string_to_array(scope, ','), ground, legal,
                    terms, category, category_name, incitement, standards_version, facts, detection, decision, decided_at,
                    request, language, decider_subject, decider_username, code_hash, recorded_at, puid
                from unnest(cast(:id as uuid[]), cast(:reference as text[]), cast(:company as uuid[]),
                    cast(:content as text[]), cast(:account as text[]), cast(:restriction as text[]), cast(:scope as text[]),
                    cast(:ground as text[]), cast(:legal as text[]), cast(:terms as text[]), cast(:category as text[]),
                    cast(:categoryName as text[]), cast(:incitement as boolean[]), cast(:standardsVersion as int[]),
                    cast(:facts as text[]), cast(:detection as boolean[]), cast(:decision as boolean[]),
                    cast(:decidedAt as timestamptz[]), cast(:request as uuid[]), cast(:language as text[]),
                    cast(:deciderSubject as text[]), cast(:deciderUsername as text[]), cast(:codeHash as text[]),
                    cast(:recordedAt as timestamptz[]), cast(:puid as text[]))
                    as r (id, reference, company, content, account, restriction, scope, ground, legal, terms, category,
                        category_name, incitement, standards_version, facts, detection, decision, decided_at, request,
                        language, decider_subject, decider_username, code_hash, recorded_at, puid)
                """)
                .param("id", id).param("reference", reference).param("company", company).param("content", content)
                .param("account", account).param("restriction", restriction).param("scope", scope).param("ground", ground)
                .param("legal", legal).param("terms", terms).param("category", category).param("categoryName", categoryName)
                .param("incitement", incitement).param("standardsVersion", standardsVersion).param("facts", facts)
                .param("detection", detection).param("decision", decision).param("decidedAt", decidedAt)
                .param("request", request).param("language", language).param("deciderSubject", deciderSubject)
                .param("deciderUsername", deciderUsername).param("codeHash", codeHash).param("recordedAt", recordedAt)
                .param("puid", puid)
                .update();
    }

    @Override
    public Optional<Notice> find(UUID id) {
        return jdbc.sql(SELECT + " where n.id = :id").param("id", id).query(this::map).optional();
    }

    @Override
    public Optional<Notice> findByReference(NoticeReference reference) {
        // the key table finds the id; the id finds the one partition to read
        return jdbc.sql("""
                select n.*, c.name as company_name
                from notice_key k join notice n on n.id = k.notice_id join company c on c.id = n.company_id
                where k.reference = :reference
                """).param("reference", reference.value())
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

    /**
     * Newest first by id, which is recording order: every partition is read backwards along an index that ends
     * in id, and the partitions in order, so a page reads about as many rows as it answers (more when a filter
     * without an index of its own is rare). {@code from}/{@code to} bound the id and so prune partitions.
     */
    @Override
    public List<PublicNotice> search(PublicFilter filter, UUID before, int limit) {
        StringBuilder sql = new StringBuilder("""
                select n.id, n.reference, n.company_id, c.name as company_name, n.restriction,
                    n.territorial_scope, n.ground, n.legal_reference, n.terms_reference, n.category, n.category_name,
                    n.facts, n.automated_detection, n.automated_decision, n.decided_at, n.request_id is not null as by_order,
                    n.language, n.recorded_at
                from notice n join company c on c.id = n.company_id
                where true""");
        Map<String, Object> params = new HashMap<>();
        if (filter.company() != null) {
            sql.append(" and n.company_id = :company");
            params.put("company", filter.company());
        }
        if (filter.ground() != null) {
            sql.append(" and n.ground = :ground");
            params.put("ground", filter.ground().name());
        }
        if (filter.category() != null) {
            sql.append(" and n.category = :category");
            params.put("category", filter.category());
        }
        if (filter.restriction() != null) {
            sql.append(" and n.restriction = :restriction");
            params.put("restriction", filter.restriction().name());
        }
        if (filter.automatedDetection() != null) {
            sql.append(" and n.automated_detection = :detection");
            params.put("detection", filter.automatedDetection());
        }
        if (filter.automatedDecision() != null) {
            sql.append(" and n.automated_decision = :decision");
            params.put("decision", filter.automatedDecision());
        }
        if (filter.from() != null) {
            sql.append(" and n.id >= uuid7_floor(:from)");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and n.id < uuid7_floor(:to)");
            params.put("to", Timestamp.from(filter.to()));
        }
        if (before != null) {
            sql.append(" and n.id < :before");
            params.put("before", before);
        }
        sql.append(" order by n.id desc limit :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query((rs, row) -> new PublicNotice(
                rs.getObject("id", UUID.class),
                new NoticeReference(rs.getString("reference")),
                rs.getObject("company_id", UUID.class),
                rs.getString("company_name"),
                Restriction.valueOf(rs.getString("restriction")),
                List.of((String[]) rs.getArray("territorial_scope").getArray()),
                Ground.valueOf(rs.getString("ground")),
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
                rs.getTimestamp("recorded_at").toInstant())).list();
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

    /**
     * Two statements that lock nothing when the name is known already: an upsert ({@code on conflict do
     * update}) locks the row even when its condition is false, and every notice of the company, batches
     * included, would then wait for the transaction before it.
     */
    @Override
    public void rememberCompany(UUID id, String name, Instant now) {
        jdbc.sql("insert into company (id, name, updated_at) values (:id, :name, :now) on conflict (id) do nothing")
                .param("id", id).param("name", name).param("now", Timestamp.from(now))
                .update();
        jdbc.sql("update company set name = :name, updated_at = :now where id = :id and name <> :name")
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
