-- An organisation's own storage quotas, set by the operator (`reelhouse admin set-quota`);
-- null means the server's default (REELHOUSE_ORG_QUOTA_BYTES, REELHOUSE_PERSON_QUOTA_BYTES).
alter table organisations add column quota_bytes bigint;
alter table organisations add column person_quota_bytes bigint;
