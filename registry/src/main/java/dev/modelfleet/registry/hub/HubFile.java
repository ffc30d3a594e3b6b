package dev.modelfleet.registry.hub;

/**
 * One file of a repository, a {@code siblings[]} entry.
 *
 * @param name path in the repository ({@code rfilename})
 * @param sizeBytes size in bytes; null unless asked for with {@code blobs=true}
 */
public record HubFile(String name, Long sizeBytes) {}
