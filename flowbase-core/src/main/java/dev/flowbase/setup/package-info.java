/** {@code init} and {@code reset}: from an empty server to a validated, seeded Flowbase database. */
package dev.flowbase.setup;
