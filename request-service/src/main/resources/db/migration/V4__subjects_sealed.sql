-- Subjects are personal data (account identifiers, URLs naming accounts): from now on the service
-- stores them sealed (AES-256-GCM, "k1:..."), compares them by a keyed hash ("h1:...") and erases
-- them once a request has been final for the retention period. Rows written before this version
-- hold plaintext; the service seals them when it starts (LegacySubjectSealing).
alter table request_subject alter column value drop not null;
alter table request_subject alter column subject_key drop not null;

-- an overlap is now keyed by the subject's keyed hash, its spelling sealed beside it
alter table request_overlap add column subject_key text;
update request_overlap o set subject_key = coalesce(
    (select s.subject_key from request_subject s where s.request_id = o.request_id and s.value = o.subject limit 1),
    'url:' || o.subject);
alter table request_overlap drop constraint request_overlap_pkey;
alter table request_overlap alter column subject_key set not null;
alter table request_overlap alter column subject drop not null;
alter table request_overlap add primary key (request_id, other_request_id, subject_key);

-- when the subjects of a request were erased at the end of their retention
alter table government_request add column subjects_erased_at timestamptz;

create index request_retention on government_request (coalesce(answered_at, withdrawn_at))
    where subjects_erased_at is null;
