-- Overlaps are no longer stored: two removal orders or referrals overlap when they name one subject
-- (request_subject.subject_key) at one company while both are open, which the stored requests tell.
-- The rows kept one pair per two requests (k(k-1) rows for k requests naming one subject), a second
-- sealed copy of each subject, and matches that deconfliction no longer makes (disclosure orders,
-- other companies).
drop table request_overlap;
