-- Goods may need several authorities (goods-approvals.dmn, hit policy COLLECT): meat and dairy need
-- food safety (MOH_FDD) and veterinary (MAF_DLF) approval. One row per line and authority, decided by
-- that authority's review alone. consignment_line keeps the lead authority (authority_code, the first
-- here) and the line's combined status (review_status: PENDING while any authority has not decided,
-- REJECTED once one refused, APPROVED when all approved), so readers of the line alone keep working.
create table line_authority (
    line_id          bigint        not null references consignment_line (id),
    authority_code   varchar(40)   not null references authority (code),
    -- the order of the rules that named it; 1 is the lead, consignment_line.authority_code
    rule_order       integer       not null default 1,
    -- PENDING, APPROVED, REJECTED (by this authority)
    review_status    varchar(20),
    review_reason    varchar(2000),
    constraint line_authority_pk primary key (line_id, authority_code)
);

-- ministries see the cases with a line of theirs (consignment.ConsignmentAccess)
create index line_authority_authority_idx on line_authority (authority_code);

-- lines classified before this version had one authority: its decision is the line's
insert into line_authority (line_id, authority_code, rule_order, review_status, review_reason)
select id, authority_code, 1, review_status, review_reason from consignment_line where authority_code is not null;
