/**
 * The registry's cache of Hub answers: in memory, and persisted through a small {@link
 * dev.modelfleet.registry.cache.RegistryCacheStore} (a file here, a ConfigMap in the operator).
 */
package dev.modelfleet.registry.cache;
