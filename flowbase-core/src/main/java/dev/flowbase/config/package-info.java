/**
 * Configuration from flags, environment variables, a YAML file and defaults, validated once into
 * immutable records; every problem is reported at once, secrets always masked.
 */
package dev.flowbase.config;
