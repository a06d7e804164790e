-- A script that holds no statement at all; only comments.
/* Even a ; between comments
makes no statement. */
;
-- done
