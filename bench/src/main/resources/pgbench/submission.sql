-- A submission's transaction as pgbench sends it: the request row, its audit record, and the
-- rollup counters of its day, month and year (the cells every submission of that authority,
-- company and type on that day updates).
\set authority random(1, 2)
BEGIN;
INSERT INTO bench_anchor.government_request (id, type, state, authority_id, authority_country, target_company_id,
    submitted_by, legal_instrument, legal_provision, legal_jurisdiction, legitimate_aim, necessity_statement,
    proportionality_statement, statement_of_reasons, urgency, rules_version, answer_time_ms, submitted_at,
    received_at, due_at, version)
VALUES (gen_random_uuid(), 'REMOVAL_ORDER', 'SUBMITTED', ('01930000-0000-7000-8000-00000000a00' || :authority)::uuid, 'DE',
    '01930000-0000-7000-8000-00000000c001', 'f6b5c1d2-0000-4000-8000-000000000001', 'Regulation (EU) 2021/784', 'Art. 3',
    'DE', 'PUBLIC_ORDER',
    'The video calls for attacks on a named group and is spreading fast; removing it is the only measure that stops the harm in time.',
    'Only this one video is concerned; the account and all other content stays online and no user data is asked for.',
    'Incitement to violence against a group.', 'URGENT', 1, 3600000, now(), now(), now() + interval '1 hour', 0);
INSERT INTO bench_anchor.audit_record (record_id, occurred_at, actor_subject, actor_name, actor_roles, actor_stakeholder,
    action, entity_type, entity_id, before_state, after_state, details)
VALUES (gen_random_uuid(), now(), 'f6b5c1d2-0000-4000-8000-000000000001', 'liaison-de-1', 'gov-liaison',
    '01930000-0000-7000-8000-00000000a001', 'REQUEST_SUBMITTED', 'request', gen_random_uuid()::text, null, 'SUBMITTED',
    '{"type":"REMOVAL_ORDER","targetCompanyId":"01930000-0000-7000-8000-00000000c001","rulesVersion":1,"warnings":[]}');
INSERT INTO bench_anchor.request_rollup AS r (grain, period_start, authority_id, company_id, type, outcome,
    authority_country, requests, overdue, answered, answered_in_time, answer_hist)
VALUES ('D', current_date, ('01930000-0000-7000-8000-00000000a00' || :authority)::uuid, '01930000-0000-7000-8000-00000000c001',
    'REMOVAL_ORDER', 'PENDING', 'DE', 1, 0, 0, 0, decode(repeat('00', 208), 'hex'))
ON CONFLICT (grain, period_start, authority_id, company_id, type, outcome) DO UPDATE SET requests = r.requests + 1;
INSERT INTO bench_anchor.request_rollup AS r (grain, period_start, authority_id, company_id, type, outcome,
    authority_country, requests, overdue, answered, answered_in_time, answer_hist)
VALUES ('M', date_trunc('month', current_date)::date, ('01930000-0000-7000-8000-00000000a00' || :authority)::uuid,
    '01930000-0000-7000-8000-00000000c001', 'REMOVAL_ORDER', 'PENDING', 'DE', 1, 0, 0, 0, decode(repeat('00', 208), 'hex'))
ON CONFLICT (grain, period_start, authority_id, company_id, type, outcome) DO UPDATE SET requests = r.requests + 1;
INSERT INTO bench_anchor.request_rollup AS r (grain, period_start, authority_id, company_id, type, outcome,
    authority_country, requests, overdue, answered, answered_in_time, answer_hist)
VALUES ('Y', date_trunc('year', current_date)::date, ('01930000-0000-7000-8000-00000000a00' || :authority)::uuid,
    '01930000-0000-7000-8000-00000000c001', 'REMOVAL_ORDER', 'PENDING', 'DE', 1, 0, 0, 0, decode(repeat('00', 208), 'hex'))
ON CONFLICT (grain, period_start, authority_id, company_id, type, outcome) DO UPDATE SET requests = r.requests + 1;
END;
