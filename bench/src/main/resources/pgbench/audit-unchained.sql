-- An audit record as a submission appends it, into a copy of the table that nothing seals.
INSERT INTO bench_anchor.audit_record (record_id, occurred_at, actor_subject, actor_name, actor_roles, actor_stakeholder,
    action, entity_type, entity_id, before_state, after_state, details)
VALUES (gen_random_uuid(), now(), 'f6b5c1d2-0000-4000-8000-000000000001', 'liaison-de-1', 'gov-liaison',
    '01930000-0000-7000-8000-00000000a001', 'REQUEST_SUBMITTED', 'request', gen_random_uuid()::text, null, 'SUBMITTED',
    '{"type":"REMOVAL_ORDER","targetCompanyId":"01930000-0000-7000-8000-00000000c001","rulesVersion":1,"warnings":[]}');
