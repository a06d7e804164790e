-- =====================================================================================
-- Marketplace example, undo of version 1 -- MariaDB 10.7+
-- =====================================================================================
-- Drops what V1__marketplace_items.sql created; its indexes, constraints and trigger go
-- with the table. IF EXISTS lets the undo also clean up after a V1 that stopped
-- half-way (DDL is not transactional on MariaDB).
-- =====================================================================================

DROP TABLE IF EXISTS marketplace_items;
