/**
 * One organization's data as a whole, for the GDPR: {@link dev.flowbase.gdpr.OrganizationExport}
 * writes every row of it as a backup archive (docs/backup.md's format, filtered), and {@link
 * dev.flowbase.gdpr.OrganizationErasure} deletes every row of it, leaving one audit entry that
 * belongs to no organization. Which rows are an organization's is said once, in {@link
 * dev.flowbase.gdpr.TenantRows}. See docs/security.md.
 */
package dev.flowbase.gdpr;
