-- Tables of the same shape as request-service's, apart from its own: the anchor writes here,
-- beside the real ones, in the same database and server.
drop schema if exists bench_anchor cascade;
create schema bench_anchor;
create table bench_anchor.government_request (like public.government_request including all);
create table bench_anchor.audit_record (like public.audit_record including defaults including constraints including indexes);
create table bench_anchor.request_rollup (like public.request_rollup including defaults including constraints);
alter table bench_anchor.request_rollup add primary key (grain, period_start, authority_id, company_id, type, outcome);
