package dev.modelfleet.registry;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small JSON helpers shared by the registry's readers. */
final class ObjectNodes {
  private ObjectNodes() {}

  static ObjectNode empty() {
    return JsonNodeFactory.instance.objectNode();
  }
}
