/**
 * Secrets at rest: the master key and the AES-256-GCM box that seals sensitive configuration
 * values with it. Nothing here touches the database; the stores call it.
 */
package dev.flowbase.security;
