-- Attempts to claim a notice with an access code, counted per notice and per caller, so that codes
-- cannot be guessed: past the limit the scope is locked until locked_until.
create table claim_attempt (
    scope             text        not null,
    key               text        not null,
    attempts          int         not null,
    window_started_at timestamptz not null,
    locked_until      timestamptz,
    primary key (scope, key),
    constraint claim_attempt_scope check (scope in ('NOTICE', 'CALLER'))
);
