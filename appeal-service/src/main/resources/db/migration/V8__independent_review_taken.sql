-- An escalated appeal is taken into review by one independent reviewer before it is decided (DSA Art. 21):
-- independent_reviewer_subject and _username now name that reviewer from the moment they take it, and this
-- column says when. Appeals decided independently before it was kept leave it empty.
alter table appeal add column independent_assigned_at timestamptz;
