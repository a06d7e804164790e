-- A script that holds no statement at all; only comments.
/* Even a ; between comments
   /* nested ; */
makes no statement. */
;
;;
-- done
