/**
 * The data layer: one store per aggregate of the core schema, records in and records out. Nothing
 * above this package writes SQL. {@link dev.flowbase.store.Stores} is the front door; every store
 * call is a transaction of its own, or joins the one {@link dev.flowbase.store.Stores#executeTransaction}
 * opened. Failures are the few domain exceptions of this package, the same on every engine.
 */
package dev.flowbase.store;
