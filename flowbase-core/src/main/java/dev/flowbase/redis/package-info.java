/** The optional Redis: connection checks now; cache, rate limits and live events build on it. */
package dev.flowbase.redis;
