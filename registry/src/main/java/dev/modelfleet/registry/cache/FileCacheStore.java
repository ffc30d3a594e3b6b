package dev.modelfleet.registry.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The cache document in a file, written atomically: a temporary file in the same directory, then an
 * atomic rename over the old one, so a crash mid-write leaves the previous document whole.
 */
public final class FileCacheStore implements RegistryCacheStore {
  private final Path file;

  /** A store at {@code file}; its directory is created on the first write. */
  public FileCacheStore(Path file) {
    this.file = file.toAbsolutePath();
  }

  /** The file the document lives in. */
  public Path file() {
    return file;
  }

  @Override
  public Optional<String> read() throws IOException {
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public void write(String document) throws IOException {
    Path dir = file.getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      Files.writeString(temp, document, StandardCharsets.UTF_8);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException(
            "cannot replace " + file + " atomically on this file system: " + e.getMessage(), e);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
