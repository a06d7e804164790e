/**
 * Seed data per environment: defaults every environment gets, examples for development, and the
 * first admin API key. Seeds are idempotent: rows are found by natural key and only inserted when absent.
 */
package dev.flowbase.seed;
