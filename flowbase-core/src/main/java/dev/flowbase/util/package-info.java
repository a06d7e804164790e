/** Small helpers that depend on nothing else in Flowbase: the bottom rung, beside {@code error} and {@code engine}. */
package dev.flowbase.util;
