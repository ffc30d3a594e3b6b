package dev.modelfleet.registry;

import java.time.Instant;

/**
 * Where one merged fact came from.
 *
 * @param field the fact's name, e.g. "license", "parametersB"
 * @param value the value as text (JSON for lists and objects)
 * @param source the source whose value won
 * @param observedAt when that source observed it: the snapshot date, the Hub fetch time, the
 *     registry entry's date; null when the source does not say
 */
public record Provenance(String field, String value, FactSource source, Instant observedAt) {}
